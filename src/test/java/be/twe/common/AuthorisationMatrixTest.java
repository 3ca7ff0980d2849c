package be.twe.common;

import static be.twe.support.Api.anonymous;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Requests.instrument;
import static be.twe.support.Requests.json;
import static be.twe.support.Requests.replacing;
import static be.twe.support.Requests.trajectory;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import be.twe.api.model.ClientAccessRequest;
import be.twe.api.model.CoachInput;
import be.twe.api.model.DispatchDestinationKind;
import be.twe.api.model.DocumentWithdrawal;
import be.twe.api.model.FinancialDetailsUpdate;
import be.twe.api.model.FollowUpActionInput;
import be.twe.api.model.FollowUpActionType;
import be.twe.api.model.HelpdeskAnswer;
import be.twe.api.model.HelpdeskRequestInput;
import be.twe.api.model.HelpdeskRequestKind;
import be.twe.api.model.InstrumentEnd;
import be.twe.api.model.InstrumentInput;
import be.twe.api.model.InstrumentOutcome;
import be.twe.api.model.InstrumentType;
import be.twe.api.model.MandateInput;
import be.twe.api.model.MandatePeriod;
import be.twe.api.model.PartnerAgreementInput;
import be.twe.api.model.PlanMethodInput;
import be.twe.api.model.PlanMethodKind;
import be.twe.api.model.TrainingAttendeeInput;
import be.twe.api.model.TrainingSessionInput;
import be.twe.api.model.TrajectoryEnd;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.api.model.TrajectoryUpdate;
import be.twe.api.model.TransferAnswer;
import be.twe.api.model.TransferChannel;
import be.twe.api.model.TransferDispatch;
import be.twe.api.model.TransferQuestion;
import be.twe.api.model.TransferReason;
import be.twe.api.model.WebhookSubscriptionInput;
import be.twe.support.Bodies;
import be.twe.support.Contract;
import be.twe.support.Imports;
import be.twe.support.Requests;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * Every operation of openapi.yaml against the six actors of the tenancy model. The target is
 * always OCMW A's data. A new operation without rows here fails {@link #everyOperationHasRows()}.
 */
@QuarkusTest
class AuthorisationMatrixTest {
    /**
     * The external reference under which OCMW A and the mandated cluster each registered a
     * trajectory, and OCMW A its instrument.
     */
    static final String REFERENCE = "ref-A";

    enum Actor { OWN_OCMW, OTHER_OCMW, CLUSTER_WITH_MANDATE, CLUSTER_WITHOUT_MANDATE, VDAB, NO_TOKEN }

    /** What the actor must get: a status, and for lists whether OCMW A's row is in it. */
    enum Outcome {
        OK(200), CREATED(201), ACCEPTED(202), DELETED(204), LISTED(200), NOT_LISTED(200), NOT_FOUND(404), REFUSED(422), FORBIDDEN(403),
        NOT_ITS_OCMW(403), VDAB_ONLY(403), OCMW_ONLY(403), UNAUTHORIZED(401);

        final int status;

        Outcome(int status) {
            this.status = status;
        }
    }

    /** OCMW A's data and, per actor, an accredited coach of the actor's own organisation. */
    /**
     * OCMW A's municipality (Genk), which no other test gives its OCMWs: a list narrowed to it stays
     * within one page however many organisations the other tests made.
     */
    static final String NIS_A = "71016";

    record World(String ocmwA, String ocmwB, String clusterWith, String clusterWithout, Map<Actor, UUID> coaches,
                 String trajectoryA, String instrumentA, String documentA, String transferA, long feedStart,
                 String importA, UUID exportA, UUID subscriptionA, UUID deliveryA, UUID helpdeskRequestA) {
        String documents() {
            return "/trajectories/" + trajectoryA + "/documents";
        }

        String versionA() {
            return documents() + "/" + documentA + "/versions/1";
        }

        UUID coachA() {
            return coaches.get(Actor.OWN_OCMW);
        }

        String transfer() {
            return "/transfers/" + transferA;
        }

        /** VDAB's SPOC takes a step first, so that the step under test is legal. */
        void spocTakes(String step, long version, Map<String, ?> body) {
            as("vdab", "spoc").header("If-Match", "\"" + version + "\"").body(body).post(transfer() + "/" + step)
                    .then().statusCode(200);
        }
    }

    interface Call {
        ValidatableResponse apply(RequestSpecification request, World world, Actor actor);
    }

    record Operation(Call call, String listPath, Function<World, String> listed, Map<Actor, Outcome> expected) {
    }

    static final Map<String, Operation> MATRIX = new LinkedHashMap<>();

    /** A training session without attendees, recorded by VDAB's trainer. */
    static String trainingSession() {
        return as("vdab", "trainer").body(json(new TrainingSessionInput().heldOn(LocalDate.parse("2024-01-10"))
                        .title("Opleiding")))
                .post("/training-sessions").then().statusCode(201).extract().path("id");
    }

    /** OCMW A's mandate of the cluster, as OCMW A lists it. */
    static Map<String, Object> mandateOf(World w, String cluster) {
        return as(w.ocmwA(), "admin").get("/organisations/" + w.ocmwA() + "/mandates").then().statusCode(200)
                .extract().path("items.find { it.clusterId == '" + cluster + "' }");
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A JSON Merge Patch body (RFC 7396). */
    static RequestSpecification patch(RequestSpecification request) {
        return request.contentType("application/merge-patch+json");
    }

    static void row(String operationId, BiFunction<RequestSpecification, World, ValidatableResponse> call,
                    String listPath, Outcome own, Outcome other, Outcome clusterWith, Outcome clusterWithout,
                    Outcome vdab) {
        row(operationId, (r, w, a) -> call.apply(r, w), listPath, World::ocmwA, own, other, clusterWith,
                clusterWithout, vdab);
    }

    static void row(String operationId, Call call, String listPath, Function<World, String> listed, Outcome own,
                    Outcome other, Outcome clusterWith, Outcome clusterWithout, Outcome vdab) {
        Map<Actor, Outcome> expected = new EnumMap<>(Actor.class);
        expected.put(Actor.OWN_OCMW, own);
        expected.put(Actor.OTHER_OCMW, other);
        expected.put(Actor.CLUSTER_WITH_MANDATE, clusterWith);
        expected.put(Actor.CLUSTER_WITHOUT_MANDATE, clusterWithout);
        expected.put(Actor.VDAB, vdab);
        expected.put(Actor.NO_TOKEN, Outcome.UNAUTHORIZED);
        MATRIX.put(operationId, new Operation(call, listPath, listed, expected));
    }

    static {
        Outcome ok = Outcome.OK;
        Outcome nf = Outcome.NOT_FOUND;
        row("listMunicipalities", (r, w) -> r.get("/municipalities?province=40000").then(), null, ok, ok, ok, ok, ok);
        row("getMunicipality", (r, w) -> r.get("/municipalities/44021").then(), null, ok, ok, ok, ok, ok);
        row("listOrganisations", (r, w) -> r.get("/organisations?limit=500&nisCode=" + NIS_A).then(), "items.id",
                Outcome.LISTED, Outcome.NOT_LISTED, Outcome.LISTED, Outcome.NOT_LISTED, Outcome.LISTED);
        row("getOrganisation", (r, w) -> r.get("/organisations/" + w.ocmwA).then(), null, ok, nf, ok, nf, ok);
        row("listMandates", (r, w) -> r.get("/organisations/" + w.ocmwA + "/mandates").then(), null,
                ok, nf, ok, nf, ok);
        // who guides for whom over every organisation: the mandates one gave or holds, VDAB all
        row("listAllMandates", (r, w, a) -> r.get("/mandates?limit=500&ocmwId=" + w.ocmwA).then(), "items.id",
                w -> (String) mandateOf(w, w.clusterWith).get("id"), Outcome.LISTED, Outcome.NOT_LISTED,
                Outcome.LISTED, Outcome.NOT_LISTED, Outcome.LISTED);
        // a past period for the cluster whose mandate ended: today's access stays as it is
        row("createMandate", (r, w) -> r.body(json(new MandateInput().clusterId(w.clusterWithout)
                .validFrom(LocalDate.parse("2000-01-01")).validTo(LocalDate.parse("2000-12-31"))))
                .post("/organisations/" + w.ocmwA + "/mandates").then(), null,
                Outcome.CREATED, nf, nf, nf, Outcome.CREATED);
        row("getMandate", (r, w) -> r.get("/mandates/" + mandateOf(w, w.clusterWith).get("id")).then(), null,
                ok, nf, ok, nf, ok);
        // the ended mandate, changed to what it is: its cluster is a party but only its OCMW or VDAB change it
        row("updateMandate", (r, w) -> {
            Map<String, Object> ended = mandateOf(w, w.clusterWithout);
            return r.header("If-Match", "\"0\"").body(json(new MandatePeriod()
                    .validFrom(LocalDate.parse((String) ended.get("validFrom")))
                    .validTo(LocalDate.parse((String) ended.get("validTo")))))
                    .put("/mandates/" + ended.get("id")).then();
        }, null, ok, nf, nf, Outcome.NOT_ITS_OCMW, ok);
        row("patchMandate", (r, w) -> {
            Map<String, Object> ended = mandateOf(w, w.clusterWithout);
            return patch(r).header("If-Match", "\"0\"")
                    .body(json(new MandatePeriod().validTo(LocalDate.parse((String) ended.get("validTo")))))
                    .patch("/mandates/" + ended.get("id")).then();
        }, null, ok, nf, nf, Outcome.NOT_ITS_OCMW, ok);
        row("getFinancialDetails", (r, w) -> r.get("/organisations/" + w.ocmwA + "/financial-details").then(),
                null, ok, nf, nf, nf, ok);
        row("updateFinancialDetails", (r, w) -> r.header("If-Match", "\"0\"")
                        .body(json(new FinancialDetailsUpdate().kboNumber("0403019261").iban("BE32123456789002")))
                        .put("/organisations/" + w.ocmwA + "/financial-details").then(),
                null, ok, nf, nf, nf, ok);
        // what VDAB pays the OCMW: the OCMW itself and VDAB, like its financial details
        row("patchFinancialDetails", (r, w) -> patch(r).header("If-Match", "\"0\"")
                        .body(json(new FinancialDetailsUpdate().kboNumber("0403019261").iban("BE32123456789002")))
                        .patch("/organisations/" + w.ocmwA + "/financial-details").then(),
                null, ok, nf, nf, nf, ok);
        row("getFundingReport", (r, w) -> r.get("/organisations/" + w.ocmwA + "/funding?quarter=2025-Q1").then(),
                null, ok, nf, nf, nf, ok);
        row("listAuditEvents", (r, w) -> r.get("/organisations/" + w.ocmwA + "/audit-events").then(),
                null, ok, nf, nf, nf, ok);

        Outcome created = Outcome.CREATED;
        Outcome refused = Outcome.REFUSED;
        row("listCoaches", (r, w) -> r.get("/organisations/" + w.ocmwA + "/coaches").then(), null, ok, nf, nf, nf, ok);
        row("createCoach", (r, w) -> r.body(json(new CoachInput().name("New coach")))
                .post("/organisations/" + w.ocmwA + "/coaches").then(), null, created, nf, nf, nf, created);
        row("getCoach", (r, w) -> r.get("/organisations/" + w.ocmwA + "/coaches/" + w.coachA()).then(),
                null, ok, nf, nf, nf, ok);
        row("updateCoach", (r, w) -> r.header("If-Match", "\"0\"") // trainedOn as VDAB recorded it
                .body(json(new CoachInput().name("Renamed").trainedOn(LocalDate.parse("2017-01-01"))))
                .put("/organisations/" + w.ocmwA + "/coaches/" + w.coachA()).then(), null, ok, nf, nf, nf, ok);
        // VDAB's training records: VDAB alone, whoever's coach attended
        Outcome vdabOnly = Outcome.VDAB_ONLY;
        row("patchCoach", (r, w) -> patch(r).header("If-Match", "\"0\"").body(json(new CoachInput().name("Renamed")))
                .patch("/organisations/" + w.ocmwA + "/coaches/" + w.coachA()).then(), null, ok, nf, nf, nf, ok);
        row("createTrainingSession", (r, w) -> r.body(json(new TrainingSessionInput()
                        .heldOn(LocalDate.parse("2024-01-10")).title("Opleiding").coachIds(Set.of(w.coachA()))))
                .post("/training-sessions").then(), null,
                vdabOnly, vdabOnly, vdabOnly, vdabOnly, created);
        row("getTrainingSession", (r, w) -> r.get("/training-sessions/" + trainingSession()).then(), null,
                vdabOnly, vdabOnly, vdabOnly, vdabOnly, ok);
        row("recordTrainingAttendee", (r, w) -> r.body(json(new TrainingAttendeeInput().coachId(w.coachA())))
                .post("/training-sessions/" + trainingSession() + "/attendees").then(), null,
                vdabOnly, vdabOnly, vdabOnly, vdabOnly, ok);
        row("getPartnerAgreement", (r, w) -> r.get("/organisations/" + w.ocmwA + "/partner-agreement").then(),
                null, ok, nf, nf, nf, ok);
        row("updatePartnerAgreement", (r, w) -> r.header("If-Match", "\"0\"").body(json(new PartnerAgreementInput()
                .signedOn(LocalDate.parse("2020-01-01"))))
                .put("/organisations/" + w.ocmwA + "/partner-agreement").then(), null, ok, nf, nf, nf, ok);
        // the OCMW's plan method: read by whoever acts for it, decided by the OCMW (or VDAB)
        row("patchPartnerAgreement", (r, w) -> patch(r).header("If-Match", "\"0\"")
                .body(json(new PartnerAgreementInput().signedOn(LocalDate.parse("2020-01-01"))))
                .patch("/organisations/" + w.ocmwA + "/partner-agreement").then(), null, ok, nf, nf, nf, ok);
        row("getPlanMethod", (r, w) -> r.get("/organisations/" + w.ocmwA + "/plan-method").then(),
                null, ok, nf, ok, nf, ok);
        row("updatePlanMethod", (r, w) -> {
            String pop = Requests.replacing(new PlanMethodInput().method(PlanMethodKind.POP));
            return r.header("If-Match", "\"0\"").body(pop).put("/organisations/" + w.ocmwA + "/plan-method").then();
        }, null, ok, nf, nf, nf, ok);
        row("patchPlanMethod", (r, w) -> patch(r).header("If-Match", "\"0\"")
                .body(json(new PlanMethodInput().method(PlanMethodKind.POP)))
                .patch("/organisations/" + w.ocmwA + "/plan-method").then(), null, ok, nf, nf, nf, ok);
        // OCMW A's: every other test's trajectories from then on would fill the page for VDAB
        row("listTrajectories", (r, w, a) -> r.get("/trajectories?limit=500&startFrom=2024-02-01&ocmwId=" + w.ocmwA)
                        .then(),
                "items.id", World::trajectoryA,
                Outcome.LISTED, Outcome.NOT_LISTED, Outcome.LISTED, Outcome.NOT_LISTED, Outcome.LISTED);
        row("createTrajectory", (r, w, a) -> r.body(json(trajectory(w.ocmwA, w.coaches.get(a), "2024-02-01")))
                .post("/trajectories").then(), null, null, created, refused, created, refused, created);
        row("getTrajectoryByReference", (r, w) -> r.get("/trajectories/by-reference/" + REFERENCE).then(),
                null, ok, nf, ok, nf, nf);
        row("createOrUpdateTrajectoryByReference", (r, w, a) -> r.body(json(trajectory(w.ocmwA,
                        w.coaches.get(a), "2024-02-01"))).put("/trajectories/by-reference/" + UUID.randomUUID()).then(), null, null,
                created, refused, created, refused, created);
        row("getTrajectory", (r, w) -> r.get("/trajectories/" + w.trajectoryA).then(), null, ok, nf, ok, nf, ok);
        // who read the file: the OCMW's own record, like its financial details; the mandated cluster too gets 404
        row("listTrajectoryAccessLog", (r, w) -> r.get("/trajectories/" + w.trajectoryA + "/access-log").then(), null,
                ok, nf, nf, nf, ok);
        // the OCMW is the controller: another OCMW holds nothing of the client, clusters and VDAB may not ask
        row("createClientAccessReport", (r, w) -> r.body(json(new ClientAccessRequest().clientInsz(as(w.ocmwA, "coach")
                        .get("/trajectories/" + w.trajectoryA).then().extract().path("clientInsz"))))
                .post("/client-access-reports").then(), null, ok, nf, Outcome.OCMW_ONLY, Outcome.OCMW_ONLY,
                Outcome.OCMW_ONLY);
        row("updateTrajectory", (r, w) -> r.header("If-Match", "\"0\"")
                .body(replacing(new TrajectoryUpdate().coachId(w.coachA())))
                .put("/trajectories/" + w.trajectoryA).then(), null, ok, nf, ok, nf, ok);
        row("patchTrajectory", (r, w) -> patch(r).header("If-Match", "\"0\"")
                .body(json(new TrajectoryUpdate().coachId(w.coachA())))
                .patch("/trajectories/" + w.trajectoryA).then(), null, ok, nf, ok, nf, ok);
        row("endTrajectory", (r, w) -> r.header("If-Match", "\"0\"")
                .body(json(new TrajectoryEnd(LocalDate.parse("2024-12-31"), TrajectoryEndReason.WORK_NEC, "Werk.")))
                .post("/trajectories/" + w.trajectoryA + "/end").then(), null, ok, nf, ok, nf, ok);
        row("listInstruments", (r, w) -> r.get("/trajectories/" + w.trajectoryA + "/instruments").then(),
                null, ok, nf, ok, nf, ok);
        row("createInstrument", (r, w, a) -> r.body(json(instrument(InstrumentType.IBO, "2024-06-01", "2024-07-31",
                        w.coaches.get(a)))).post("/trajectories/" + w.trajectoryA + "/instruments").then(), null, null,
                created, nf, created, nf, created);
        // OCMW A registered instrument A under REFERENCE; the reference is nobody else's
        row("getInstrumentByReference", (r, w) -> r.get("/trajectories/" + w.trajectoryA
                + "/instruments/by-reference/" + REFERENCE).then(), null, ok, nf, nf, nf, nf);
        row("createOrUpdateInstrumentByReference", (r, w, a) -> r.body(replacing(instrument(InstrumentType.WES,
                        "2024-06-01", "2024-07-31", w.coaches.get(a)))).put("/trajectories/" + w.trajectoryA + "/instruments/by-reference/" + UUID.randomUUID()).then(),
                null, null, created, nf, created, nf, created);
        row("getInstrument", (r, w) -> r.get("/trajectories/" + w.trajectoryA + "/instruments/" + w.instrumentA)
                .then(), null, ok, nf, ok, nf, ok);
        row("updateInstrument", (r, w) -> r.header("If-Match", "\"0\"").body(replacing(instrument(InstrumentType.WES,
                        "2024-03-01", "2024-05-31", w.coachA()))).put("/trajectories/" + w.trajectoryA + "/instruments/" + w.instrumentA).then(),
                null, ok, nf, ok, nf, ok);
        row("patchInstrument", (r, w) -> patch(r).header("If-Match", "\"0\"")
                .body(json(new InstrumentInput().employer("Werkgever")))
                .patch("/trajectories/" + w.trajectoryA + "/instruments/" + w.instrumentA).then(),
                null, ok, nf, ok, nf, ok);
        row("endInstrument", (r, w) -> r.header("If-Match", "\"0\"")
                .body(json(new InstrumentEnd(LocalDate.parse("2024-04-30"), InstrumentOutcome.COMPLETED)))
                .post("/trajectories/" + w.trajectoryA + "/instruments/" + w.instrumentA + "/end").then(),
                null, ok, nf, ok, nf, ok);

        row("listDocuments", (r, w) -> r.get(w.documents()).then(), null, ok, nf, ok, nf, ok);
        row("uploadDocument", (r, w) -> r.contentType(TestFiles.PDF).body(TestFiles.pdf()).queryParam("kind", "POP")
                .queryParam("title", "POP").queryParam("fileName", "pop.pdf").post(w.documents()).then(),
                null, created, nf, created, nf, created);
        row("getDocument", (r, w) -> r.get(w.documents() + "/" + w.documentA).then(), null, ok, nf, ok, nf, ok);
        row("uploadDocumentVersion", (r, w) -> r.contentType(TestFiles.PDF).body(TestFiles.pdf())
                .queryParam("fileName", "pop.pdf").post(w.documents() + "/" + w.documentA + "/versions").then(),
                null, created, nf, created, nf, created);
        row("getDocumentVersion", (r, w) -> r.get(w.versionA()).then(), null, ok, nf, ok, nf, ok);
        row("downloadDocumentVersion", (r, w) -> r.get(w.versionA() + "/content").then(), null, ok, nf, ok, nf, ok);
        row("withdrawDocumentVersion", (r, w) -> r.header("If-Match", "\"0\"").body(json(new DocumentWithdrawal()
                .reason("Wrong file.")))
                .post(w.versionA() + "/withdrawal").then(), null, ok, nf, ok, nf, ok);
        row("getPlanMonitoring", (r, w) -> r.get("/organisations/" + w.ocmwA + "/plan-monitoring").then(),
                null, ok, nf, ok, nf, ok);

        Outcome forbidden = Outcome.FORBIDDEN;
        row("listTrajectoryTransfers", (r, w) -> r.get("/trajectories/" + w.trajectoryA + "/transfers").then(),
                null, ok, nf, ok, nf, ok);
        row("createTransfer", (r, w) -> r.body(json(Requests.transfer(TransferReason.LONG_TRAINING,
                                TransferChannel.VEO, "2025-06-30")
                        .trajectoryEnd(Requests.transferEnd(TrajectoryEndReason.LONG_TRAINING, "Opleiding via VeO."))))
                .post("/trajectories/" + w.trajectoryA + "/transfers").then(), null, created, nf, created, nf, created);
        row("listTransfers", (r, w, a) -> r.get("/transfers?limit=500&ocmwId=" + w.ocmwA).then(), "items.id",
                World::transferA, Outcome.LISTED, Outcome.NOT_LISTED, Outcome.LISTED, Outcome.NOT_LISTED, Outcome.LISTED);
        row("getTransfer", (r, w) -> r.get(w.transfer()).then(), null, ok, nf, ok, nf, ok);
        row("acknowledgeTransfer", (r, w) -> r.header("If-Match", "\"0\"").body(Map.of())
                .post(w.transfer() + "/acknowledgement").then(), null, forbidden, forbidden, forbidden, forbidden, ok);
        row("dispatchTransfer", (r, w) -> {
            w.spocTakes("acknowledgement", 0, Map.of());
            return r.header("If-Match", "\"1\"").body(json(new TransferDispatch()
                            .destinationKind(DispatchDestinationKind.ACTION).destination("Opleiding")))
                    .post(w.transfer() + "/dispatch").then();
        }, null, forbidden, forbidden, forbidden, forbidden, ok);
        row("returnTransfer", (r, w) -> r.header("If-Match", "\"0\"").body(json(new TransferQuestion()
                .question("Welk POP?")))
                .post(w.transfer() + "/return").then(), null, forbidden, forbidden, forbidden, forbidden, ok);
        row("answerTransfer", (r, w) -> {
            w.spocTakes("return", 0, Map.of("question", "Welk POP?"));
            return r.header("If-Match", "\"1\"").body(json(new TransferAnswer().answer("Het GPMI.")))
                    .post(w.transfer() + "/answer").then();
        }, null, ok, nf, ok, nf, ok);
        row("recordFollowUpAction", (r, w) -> {
            w.spocTakes("acknowledgement", 0, Map.of());
            return r.body(json(new FollowUpActionInput().type(FollowUpActionType.WORK).startDate(LocalDate.now()
                    .minusMonths(1))))
                    .post(w.transfer() + "/follow-up-actions").then();
        }, null, forbidden, forbidden, forbidden, forbidden, created);

        row("listChanges", (r, w, a) -> r.get("/changes?limit=500&after=" + w.feedStart).then(), "items.resourceId",
                World::trajectoryA, Outcome.LISTED, Outcome.NOT_LISTED, Outcome.LISTED, Outcome.NOT_LISTED,
                Outcome.LISTED);

        // anyone with the role may submit; each line is then authorised as its own call (ImportTest)
        Outcome accepted = Outcome.ACCEPTED;
        row("createImport", (r, w) -> r.contentType(Imports.NDJSON).body("{}\n".getBytes(StandardCharsets.UTF_8))
                .post("/imports").then(), null, accepted, accepted, accepted, accepted, accepted);
        // an import is its submitting organisation's alone, not even VDAB's
        row("getImport", (r, w) -> r.get("/imports/" + w.importA).then(), null, ok, nf, nf, nf, nf);
        row("listImportLines", (r, w) -> r.get("/imports/" + w.importA + "/lines").then(), null, ok, nf, nf, nf, nf);
        // an export shows what its requesting user may see: it is that user's alone
        row("createExport", (r, w) -> r.post("/exports").then(), null, accepted, accepted, accepted, accepted,
                accepted);
        row("getExport", (r, w) -> r.get("/exports/" + w.exportA).then(), null, ok, nf, nf, nf, nf);
        row("downloadExport", (r, w) -> r.get("/exports/" + w.exportA + "/content").then(), null, ok, nf, nf, nf, nf);

        // every caller gets figures over what it may see (StartStatisticsTest checks which)
        row("getStartStatistics", (r, w) -> r.get("/statistics/starts?groupBy=year").then(), null, ok, ok, ok, ok, ok);
        row("getStatisticsCsv", (r, w) -> r.accept("text/csv").get("/statistics/ends.csv?groupBy=endReason").then(), null,
                ok, ok, ok, ok, ok);
        row("getStatisticsSpreadsheet", (r, w) -> r.accept(XLSX).get("/statistics/starts.xlsx?groupBy=year").then(), null,
                ok, ok, ok, ok, ok);
        row("getEndStatistics", (r, w) -> r.get("/statistics/ends?groupBy=endReason").then(), null, ok, ok, ok, ok, ok);
        row("getInstrumentStatistics", (r, w) -> r.get("/statistics/instruments?groupBy=instrumentType").then(), null,
                ok, ok, ok, ok, ok);
        row("getTargetYearStatistics", (r, w) -> r.get("/statistics/target-years?groupBy=year").then(), null,
                ok, ok, ok, ok, ok);
        row("getTrainingStatistics", (r, w) -> r.get("/statistics/trainings?groupBy=organiser").then(), null,
                ok, ok, ok, ok, ok);
        row("getTransferStatistics", (r, w) -> r.get("/statistics/transfers?groupBy=reason").then(), null,
                ok, ok, ok, ok, ok);
        row("getFollowUpStatistics", (r, w) -> r.get("/statistics/follow-ups?groupBy=followUpType").then(), null,
                ok, ok, ok, ok, ok);
        row("getOutcomeStatistics", (r, w) -> r.get("/statistics/outcomes?groupBy=year").then(), null,
                ok, ok, ok, ok, ok);
        row("getHelpdeskStatistics", (r, w) -> r.get("/statistics/helpdesk?groupBy=resourceType").then(), null,
                ok, ok, ok, ok, ok);
        row("getCoachStatistics", (r, w) -> r.get("/statistics/coaches?groupBy=year").then(), null,
                ok, ok, ok, ok, ok);
        row("getPlanStatistics", (r, w) -> r.get("/statistics/plans?groupBy=province").then(), null,
                ok, ok, ok, ok, ok);

        // webhook subscriptions are OCMW A's settings, for its admins; no one else sees them, not even VDAB
        // requests to VDAB's helpdesk: filed by whoever writes for the OCMW, answered by VDAB only
        row("createHelpdeskRequest", (r, w) -> r.body(json(new HelpdeskRequestInput().ocmwId(w.ocmwA)
                .kind(HelpdeskRequestKind.QUESTION).description("Hoe registreer ik een IBO?")))
                .post("/helpdesk-requests").then(), null,
                created, refused, created, refused, created);
        row("listHelpdeskRequests", (r, w, a) -> r.get("/helpdesk-requests?limit=500&ocmwId=" + w.ocmwA).then(),
                "items.id", w -> w.helpdeskRequestA.toString(), Outcome.LISTED, Outcome.NOT_LISTED, Outcome.LISTED,
                Outcome.NOT_LISTED, Outcome.LISTED);
        row("getHelpdeskRequest", (r, w) -> r.get("/helpdesk-requests/" + w.helpdeskRequestA).then(), null,
                ok, nf, ok, nf, ok);
        row("answerHelpdeskRequest", (r, w) -> r.header("If-Match", "\"0\"").body(json(new HelpdeskAnswer()
                .outcome(HelpdeskAnswer.OutcomeEnum.ANSWERED).answer("Zoals een WES, met het type IBO.")))
                .post("/helpdesk-requests/" + w.helpdeskRequestA
                        + "/answer").then(), null,
                Outcome.VDAB_ONLY, nf, Outcome.VDAB_ONLY, nf, ok);
        row("createWebhookSubscription", (r, w) -> r.body(json(new WebhookSubscriptionInput()
                .url("http://127.0.0.1:9/hook").eventTypes(List.of("*")))).post("/webhook-subscriptions")
                .then(), null, created, created, created,
                created, created);
        row("listWebhookSubscriptions", (r, w, a) -> r.get("/webhook-subscriptions").then(), "items.id",
                w -> w.subscriptionA.toString(), Outcome.LISTED, Outcome.NOT_LISTED, Outcome.NOT_LISTED,
                Outcome.NOT_LISTED, Outcome.NOT_LISTED);
        row("getWebhookSubscription", (r, w) -> r.get("/webhook-subscriptions/" + w.subscriptionA).then(), null,
                ok, nf, nf, nf, nf);
        row("deleteWebhookSubscription", (r, w) -> r.header("If-Match", "\"0\"")
                .delete("/webhook-subscriptions/" + w.subscriptionA).then(), null, Outcome.DELETED, nf, nf, nf, nf);
        row("listWebhookDeliveries", (r, w) -> r.get("/webhook-subscriptions/" + w.subscriptionA + "/deliveries")
                .then(), null, ok, nf, nf, nf, nf);
        row("redeliverWebhookDelivery", (r, w) -> r.post("/webhook-subscriptions/" + w.subscriptionA
                + "/deliveries/" + w.deliveryA + "/redelivery").then(), null, accepted, nf, nf, nf, nf);
    }

    @Inject
    TestData data;

    World world;

    @BeforeEach
    void freshWorld() {
        long feedStart = data.feedPosition();
        String a = data.newOcmw(NIS_A);
        String b = data.newOcmw("11002");
        String with = data.newCluster();
        String without = data.newCluster();
        data.mandate(with, a, LocalDate.now().minusYears(1), null);
        data.mandate(without, a, LocalDate.now().minusYears(2), LocalDate.now().minusDays(1));
        Map<Actor, UUID> coaches = new EnumMap<>(Actor.class);
        coaches.put(Actor.OWN_OCMW, data.accreditedCoach(a));
        coaches.put(Actor.OTHER_OCMW, data.accreditedCoach(b));
        coaches.put(Actor.CLUSTER_WITH_MANDATE, data.accreditedCoach(with));
        coaches.put(Actor.CLUSTER_WITHOUT_MANDATE, data.accreditedCoach(without));
        coaches.put(Actor.VDAB, coaches.get(Actor.OWN_OCMW));
        coaches.put(Actor.NO_TOKEN, coaches.get(Actor.OWN_OCMW));
        String trajectory = as(a, "coach").body(json(Requests.trajectory(a, coaches.get(Actor.OWN_OCMW), "2024-02-01")
                .externalReference(REFERENCE))).post("/trajectories").then().statusCode(201).extract().path("id");
        // references belong to the registering organisation: the cluster has its own "ref-A"
        as(with, "coach").body(json(Requests.trajectory(a, coaches.get(Actor.CLUSTER_WITH_MANDATE), "2024-02-01")
                .externalReference(REFERENCE)))
                .post("/trajectories").then().statusCode(201);
        String instrument = as(a, "coach").body(Bodies.replacing(Map.of("type", "WES", "startDate", "2024-03-01",
                        "plannedEndDate", "2024-04-30", "coachId", coaches.get(Actor.OWN_OCMW).toString(),
                        "employer", "Werkgever"), Bodies.INSTRUMENT))
                .put("/trajectories/" + trajectory + "/instruments/by-reference/" + REFERENCE).then().statusCode(201)
                .extract().path("id");
        String document = as(a, "coach").contentType(TestFiles.PDF).body(TestFiles.pdf()).queryParam("kind", "POP")
                .queryParam("title", "POP").queryParam("fileName", "pop.pdf")
                .post("/trajectories/" + trajectory + "/documents").then().statusCode(201).extract().path("id");
        LocalDate fullStart = LocalDate.now().minusMonths(26);
        String full = as(a, "coach").body(json(Requests.trajectory(a, coaches.get(Actor.OWN_OCMW), fullStart)))
                .post("/trajectories").then().statusCode(201).extract().path("id");
        String transfer = as(a, "coach")
                .body(json(Requests.transfer(TransferReason.MAX_DURATION_REACHED, TransferChannel.SPOC_NOTE,
                        fullStart.plusMonths(24).minusDays(1))
                        .trajectoryEnd(Requests.transferEnd(TrajectoryEndReason.MAX_DURATION_REACHED, "Naar VDAB."))))
                .post("/trajectories/" + full + "/transfers").then().statusCode(201).extract().path("id");
        String importA = Imports.submit(a, List.of("{}"));
        UUID exportA = UUID.randomUUID(); // a finished export of OCMW A's user, without running one per cell
        data.execute("insert into export_job (id, organisation_id, subject, roles, since, up_to, records, deletions, "
                + "submitted_at, started_at, finished_at) values (?1, ?2, ?3, 'coach', 0, 0, 1, 0, now(), now(), now())",
                exportA, a, "test-user@" + a);
        data.execute("insert into export_line (export_id, line, content) values (?1, 1, '{}')", exportA);
        UUID subscriptionA = UUID.randomUUID(); // with one delivered event, to a port where nothing listens
        UUID deliveryA = UUID.randomUUID();
        data.execute("insert into webhook_subscription (id, organisation_id, subject, roles, url, event_types, secret, "
                + "position) values (?1, ?2, ?3, 'admin', 'http://127.0.0.1:9/hook', '*', 'whsec_AAAA', "
                + "(select coalesce(max(position), 0) from change_event))", subscriptionA, a, "test-user@" + a);
        data.execute("insert into webhook_delivery (id, subscription_id, position, type, resource_type, resource_id, "
                + "path, version, organisation_id, occurred_at, status, attempts) values (?1, ?2, 1, "
                + "'twe.trajectory.created', 'trajectory', ?3, ?4, 0, ?5, now(), 'DELIVERED', 1)",
                deliveryA, subscriptionA, trajectory, "/trajectories/" + trajectory, a);
        UUID helpdeskRequestA = UUID.randomUUID(); // OCMW A's open question to VDAB's helpdesk
        data.execute("insert into helpdesk_request (id, ocmw_id, kind, description, requested_by) "
                + "values (?1, ?2, 'QUESTION', 'Hoe registreer ik een IBO?', ?2)", helpdeskRequestA, a);
        world = new World(a, b, with, without, coaches, trajectory, instrument, document, transfer,
                feedStart, importA, exportA, subscriptionA, deliveryA, helpdeskRequestA);
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        MATRIX.forEach((operation, row) -> row.expected.forEach((actor, outcome) ->
                cells.add(Arguments.of(operation, actor, outcome))));
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("cells")
    void actorGetsExpectedOutcome(String operationId, Actor actor, Outcome outcome) {
        Operation operation = MATRIX.get(operationId);
        ValidatableResponse response = operation.call.apply(request(actor), world, actor).statusCode(outcome.status);
        if (outcome.status == 404) {
            response.body("code", equalTo("not-found"));
        } else if (outcome == Outcome.FORBIDDEN) {
            response.body("code", equalTo("missing-role"));
        } else if (outcome == Outcome.NOT_ITS_OCMW) {
            response.body("code", equalTo("mandate-by-ocmw"));
        } else if (outcome == Outcome.VDAB_ONLY) {
            response.body("code", equalTo("vdab-only"));
        } else if (outcome == Outcome.OCMW_ONLY) {
            response.body("code", equalTo("ocmw-only"));
        } else if (outcome == Outcome.REFUSED) {
            response.body("code", equalTo("unknown-ocmw"));
        } else if (outcome.status == 401) {
            response.body("code", equalTo("unauthenticated"));
        } else if (outcome == Outcome.LISTED) {
            response.body(operation.listPath, hasItem(operation.listed.apply(world)));
        } else if (outcome == Outcome.NOT_LISTED) {
            response.body(operation.listPath, not(hasItem(operation.listed.apply(world))));
        }
    }

    @Test
    void everyOperationHasRows() {
        OpenAPI api = new OpenAPIV3Parser().read(Contract.LOCATION);
        Set<String> operations = new TreeSet<>();
        api.getPaths().values().forEach(path -> path.readOperations()
                .forEach(op -> operations.add(op.getOperationId())));
        assertEquals(operations, new TreeSet<>(MATRIX.keySet()),
                "every operation in openapi.yaml needs a row in the authorisation matrix");
        MATRIX.forEach((id, row) -> assertEquals(Set.of(Actor.values()), row.expected.keySet(), id));
    }

    RequestSpecification request(Actor actor) {
        return switch (actor) {
            case OWN_OCMW -> as(world.ocmwA, "admin", "coach");
            case OTHER_OCMW -> as(world.ocmwB, "admin", "coach");
            case CLUSTER_WITH_MANDATE -> as(world.clusterWith, "admin", "coach");
            case CLUSTER_WITHOUT_MANDATE -> as(world.clusterWithout, "admin", "coach");
            case VDAB -> as("vdab", "admin", "coach", "spoc", "helpdesk", "analyst");
            case NO_TOKEN -> invalid(anonymous());
        };
    }
}
