package be.twe.examples.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import be.twe.client.ApiClient;
import be.twe.client.ApiException;
import be.twe.client.api.CoachesApi;
import be.twe.client.api.DocumentsApi;
import be.twe.client.api.FinancialDetailsApi;
import be.twe.client.api.InstrumentsApi;
import be.twe.client.api.MandatesApi;
import be.twe.client.api.SyncApi;
import be.twe.client.api.TrajectoriesApi;
import be.twe.client.api.TransfersApi;
import be.twe.client.model.Change;
import be.twe.client.model.ChangeKind;
import be.twe.client.model.ChangePage;

/**
 * Mirrors everything one organisation may see into a local JSON file by following the change
 * feed: {@code {"position": N, "records": {"/trajectories/...": {...}, ...}}}. Every run continues
 * from the stored position, fetches each changed record and drops deleted or no longer visible
 * ones. All HTTP goes through the client generated from openapi.yaml.
 *
 * <p>Usage: {@code SyncClient <base URL> <bearer token> <mirror file>}
 */
public final class SyncClient {
    private static final int PAGE = 500;

    private final ObjectMapper json;
    private final SyncApi feed;
    private final TrajectoriesApi trajectories;
    private final InstrumentsApi instruments;
    private final DocumentsApi documents;
    private final TransfersApi transfers;
    private final CoachesApi coaches;
    private final FinancialDetailsApi financialDetails;
    private final MandatesApi mandates;
    private final Path mirror;

    public SyncClient(String baseUrl, String token, Path mirror) {
        ApiClient api = new ApiClient();
        api.updateBaseUri(baseUrl);
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        this.json = api.getObjectMapper();
        this.feed = new SyncApi(api);
        this.trajectories = new TrajectoriesApi(api);
        this.instruments = new InstrumentsApi(api);
        this.documents = new DocumentsApi(api);
        this.transfers = new TransfersApi(api);
        this.coaches = new CoachesApi(api);
        this.financialDetails = new FinancialDetailsApi(api);
        this.mandates = new MandatesApi(api);
        this.mirror = mirror;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SyncClient <base URL> <bearer token> <mirror file>");
            System.exit(2);
        }
        int applied = new SyncClient(args[0], args[1], Path.of(args[2])).sync();
        System.out.println("applied " + applied + " changes");
    }

    /** Follows the feed from the stored position to its end; returns the number of entries applied. */
    public int sync() throws IOException, ApiException {
        ObjectNode state = load();
        ObjectNode records = (ObjectNode) state.get("records");
        long position = state.get("position").asLong();
        int applied = 0;
        while (true) {
            ChangePage page = feed.listChanges(position, PAGE);
            for (Change change : page.getItems()) {
                apply(change, records);
                applied++;
            }
            position = page.getPosition();
            state.put("position", position);
            save(state); // a crash loses at most one page of work, which the next run repeats
            if (page.getNext() == null) {
                return applied;
            }
        }
    }

    private void apply(Change change, ObjectNode records) throws ApiException {
        if (change.getKind() == ChangeKind.DELETED || change.getKind() == ChangeKind.VISIBILITY_LOST) {
            records.remove(change.getPath());
            return;
        }
        try {
            records.set(change.getPath(), json.valueToTree(fetch(change)));
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            records.remove(change.getPath()); // gone or no longer visible since the entry was written
        }
    }

    /** The record an entry points to, read with the generated operation for its type. */
    private Object fetch(Change change) throws ApiException {
        List<String> path = List.of(change.getPath().substring(1).split("/"));
        return switch (change.getResourceType()) {
            case TRAJECTORY -> trajectories.getTrajectory(uuid(path, 1), null);
            case INSTRUMENT -> instruments.getInstrument(uuid(path, 1), uuid(path, 3), null);
            case DOCUMENT -> documents.getDocument(uuid(path, 1), uuid(path, 3), null);
            case DOCUMENT_VERSION -> documents.getDocumentVersion(uuid(path, 1), uuid(path, 3),
                    Integer.valueOf(path.get(5)), null);
            case TRANSFER, FOLLOW_UP_ACTION -> transfers.getTransfer(uuid(path, 1), null);
            case COACH -> coaches.getCoach(path.get(1), uuid(path, 3), null);
            case FINANCIAL_DETAILS -> financialDetails.getFinancialDetails(path.get(1), null);
            case PARTNER_AGREEMENT -> coaches.getPartnerAgreement(path.get(1), null);
            case MANDATE -> mandates.getMandate(uuid(path, 1), null);
        };
    }

    private static UUID uuid(List<String> path, int index) {
        return UUID.fromString(path.get(index));
    }

    private ObjectNode load() throws IOException {
        if (Files.exists(mirror)) {
            return (ObjectNode) json.readTree(mirror.toFile());
        }
        ObjectNode state = json.createObjectNode();
        state.put("position", 0L);
        state.putObject("records");
        return state;
    }

    /** Written to a temporary file and moved, so a crash never leaves half a mirror. */
    private void save(JsonNode state) throws IOException {
        Path temporary = mirror.resolveSibling(mirror.getFileName() + ".tmp");
        json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), state);
        Files.move(temporary, mirror, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
