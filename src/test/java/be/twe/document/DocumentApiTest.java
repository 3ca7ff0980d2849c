package be.twe.document;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Requests.json;
import static be.twe.support.TestData.newInsz;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import be.twe.api.model.DocumentWithdrawal;
import be.twe.support.Parallel;
import be.twe.support.Requests;
import be.twe.support.StoredDocuments;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class DocumentApiTest {
    @Inject
    TestData data;
    @Inject
    StoredDocuments stored;

    String ocmw;
    String cluster;
    UUID coach;
    String trajectory;

    @BeforeEach
    void trajectoryWithMandatedCluster() {
        ocmw = data.newOcmw();
        cluster = data.newCluster();
        data.mandate(cluster, ocmw, LocalDate.now().minusYears(1), null);
        coach = data.accreditedCoach(ocmw);
        trajectory = as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-01-01")))
                .post("/trajectories").then().statusCode(201).extract().path("id");
    }

    static RequestSpecification file(RequestSpecification request, String mediaType, byte[] content) {
        return request.contentType(mediaType).body(content);
    }

    ValidatableResponse upload(String kind, String mediaType, byte[] content) {
        return upload(as(ocmw, "coach"), kind, mediaType, content);
    }

    /** A new document, sent with {@code request} (its caller, extra headers). */
    ValidatableResponse upload(RequestSpecification request, String kind, String mediaType, byte[] content) {
        return file(request, mediaType, content)
                .queryParam("kind", kind).queryParam("title", "Plan").queryParam("fileName", "plan.pdf")
                .post("/trajectories/" + trajectory + "/documents").then();
    }

    ValidatableResponse uploadVersion(String documentId, byte[] content) {
        return file(as(ocmw, "coach"), TestFiles.PDF, content).queryParam("fileName", "plan-v2.pdf")
                .post("/trajectories/" + trajectory + "/documents/" + documentId + "/versions").then();
    }

    String versionPath(String documentId, int number) {
        return "/trajectories/" + trajectory + "/documents/" + documentId + "/versions/" + number;
    }

    @Test
    void coachUploadsVersionsAndReportClusterDownloadsThemOtherOcmwGets404() {
        byte[] v1 = TestFiles.pdf();
        byte[] v2 = TestFiles.pdf(10_000);
        byte[] report = TestFiles.pdf();
        String pop = upload("POP", TestFiles.PDF, v1).statusCode(201)
                .header("Location", containsString("/documents/"))
                .body("kind", equalTo("POP"), "ocmwId", equalTo(ocmw), "versions", hasSize(1),
                        "versions[0].number", equalTo(1), "versions[0].sha256", equalTo(TestFiles.sha256(v1)),
                        "versions[0].size", equalTo(v1.length), "versions[0].mediaType", equalTo(TestFiles.PDF),
                        "versions[0].uploadedBy", equalTo(ocmw), "versions[0].withdrawn", equalTo(false))
                .extract().path("id");
        uploadVersion(pop, v2).statusCode(201).header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/versions/2"))
                .body("number", equalTo(2), "fileName", equalTo("plan-v2.pdf"),
                        "sha256", equalTo(TestFiles.sha256(v2)));
        upload("REPORT", TestFiles.PDF, report).statusCode(201);

        as(cluster, "coach").get("/trajectories/" + trajectory + "/documents").then().statusCode(200)
                .body("items.kind", contains("POP", "REPORT"),
                        "items[0].versions.sha256", contains(TestFiles.sha256(v1), TestFiles.sha256(v2)));
        for (int number = 1; number <= 2; number++) {
            byte[] expected = number == 1 ? v1 : v2;
            byte[] downloaded = as(cluster, "coach").get(versionPath(pop, number) + "/content").then()
                    .statusCode(200).contentType(TestFiles.PDF).header("X-Content-Type-Options", "nosniff")
                    .header("ETag", equalTo("\"" + TestFiles.sha256(expected) + "\""))
                    .header("Content-Digest", equalTo("sha-256=:" + Base64.getEncoder().encodeToString(
                            HexFormat.of().parseHex(TestFiles.sha256(expected))) + ":"))
                    .extract().asByteArray();
            assertArrayEquals(expected, downloaded);
        }
        as(cluster, "coach").get("/trajectories/" + trajectory + "/documents?kind=REPORT").then()
                .body("items.kind", contains("REPORT"));

        String other = data.newOcmw("11002");
        as(other, "coach").get("/trajectories/" + trajectory + "/documents").then().statusCode(404);
        as(other, "coach").get(versionPath(pop, 1) + "/content").then().statusCode(404)
                .body("code", equalTo("not-found"));
        as(other, "coach").get("/trajectories/" + trajectory + "/documents/" + pop).then().statusCode(404);
    }

    @Test
    void everyDownloadIsAuditedWithWhoAndWhichOrganisation() {
        String pop = upload("POP", TestFiles.PDF, TestFiles.pdf()).statusCode(201).extract().path("id");
        as(cluster, "coach").get(versionPath(pop, 1) + "/content").then().statusCode(200);
        as("vdab", "analyst").get(versionPath(pop, 1) + "/content").then().statusCode(200);

        ValidatableResponse audit = as(ocmw, "admin").get("/organisations/" + ocmw + "/audit-events").then()
                .statusCode(200);
        List<Map<String, Object>> downloads = audit.extract().jsonPath()
                .getList("items.findAll { it.action == 'download' }");
        assertEquals(List.of("vdab", cluster), downloads.stream().map(e -> e.get("actorOrganisationId")).toList());
        assertEquals(Map.of("trajectoryId", trajectory, "documentId", pop, "number", 1),
                downloads.get(0).get("newValue"));
        audit.body("items.action", hasItem("upload"));
    }

    @Test
    void ifNoneMatchWithTheContentTagGives304AndIsNoDownload() {
        String pop = upload("POP", TestFiles.PDF, TestFiles.pdf()).statusCode(201).extract().path("id");
        String etag = as(ocmw, "coach").get(versionPath(pop, 1) + "/content").then().statusCode(200)
                .extract().header("ETag");
        as(ocmw, "coach").header("If-None-Match", etag).get(versionPath(pop, 1) + "/content").then()
                .statusCode(304).header("ETag", equalTo(etag));
        as(ocmw, "coach").header("If-None-Match", "\"other\"").get(versionPath(pop, 1) + "/content").then()
                .statusCode(200);
        List<String> actions = as(ocmw, "admin").get("/organisations/" + ocmw + "/audit-events").then()
                .extract().path("items.findAll { it.action == 'download' }.action");
        assertEquals(2, actions.size());
    }

    @ParameterizedTest
    @CsvSource({"application/pdf", "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png", "image/jpeg"})
    void everyAcceptedTypeIsRecognisedByItsContent(String mediaType) {
        byte[] content = switch (mediaType) {
            case TestFiles.PDF -> TestFiles.pdf();
            case TestFiles.ODT -> TestFiles.odt();
            case TestFiles.DOCX -> TestFiles.docx();
            case TestFiles.PNG -> TestFiles.png();
            default -> TestFiles.jpeg();
        };
        upload("OTHER_PLAN", mediaType, content).statusCode(201).body("versions[0].mediaType", equalTo(mediaType));
    }

    @ParameterizedTest
    @CsvSource({"image/png", "application/vnd.oasis.opendocument.text", "image/jpeg"})
    void anOctetStreamUploadTakesTheTypeItsContentHas(String mediaType) {
        byte[] content = switch (mediaType) {
            case TestFiles.PNG -> TestFiles.png();
            case TestFiles.ODT -> TestFiles.odt();
            default -> TestFiles.jpeg();
        };
        upload("OTHER_PLAN", "application/octet-stream", content).statusCode(201)
                .body("versions[0].mediaType", equalTo(mediaType));
        StoredDocuments.Counts before = stored.counts();
        upload("POP", "application/octet-stream", "Just some text, not a plan.".getBytes()).statusCode(415)
                .body("code", equalTo("content-not-recognised"));
        assertEquals(before, stored.counts());
    }

    @ParameterizedTest
    @CsvSource({
        "application/pdf, png, content-type-mismatch",
        "image/png, pdf, content-type-mismatch",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document, odt, content-type-mismatch",
        "application/pdf, text, content-not-recognised",
        "application/vnd.oasis.opendocument.text, zip, content-not-recognised"})
    void contentThatIsNotTheDeclaredTypeIs415AndStoresNothing(String declared, String actual, String code) {
        byte[] content = switch (actual) {
            case "png" -> TestFiles.png();
            case "pdf" -> TestFiles.pdf();
            case "odt" -> TestFiles.odt();
            case "zip" -> new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
            default -> "Just some text, not a plan.".getBytes();
        };
        StoredDocuments.Counts before = stored.counts();
        upload("POP", declared, content).statusCode(415).body("code", equalTo(code));
        assertEquals(before, stored.counts());
    }

    @Test
    void aTypeOutsideTheListIs415() {
        StoredDocuments.Counts before = stored.counts();
        upload(invalid(as(ocmw, "coach")), "POP", "text/plain", "plan".getBytes()).statusCode(415)
                .contentType("application/problem+json");
        assertEquals(before, stored.counts());
    }

    @Test
    void anEmptyFileIsRefusedAndStoresNothing() {
        StoredDocuments.Counts before = stored.counts();
        upload(invalid(as(ocmw, "coach")), "POP", TestFiles.PDF, new byte[0]).statusCode(400)
                .body("code", equalTo("empty-file"), "issues[0].name", equalTo("file"));
        assertEquals(before, stored.counts());
    }

    @Test
    void aMatchingContentDigestIsAcceptedAMismatchRefusedAndNothingStored() {
        byte[] content = TestFiles.pdf();
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(TestFiles.sha256(content))) + ":";
        upload(as(ocmw, "coach").header("Content-Digest", "sha-512=:AAAA:, " + digest), "POP", TestFiles.PDF, content)
                .statusCode(201);

        StoredDocuments.Counts before = stored.counts();
        byte[] changed = content.clone();
        changed[content.length - 1] ^= 1;
        upload(as(ocmw, "coach").header("Content-Digest", digest), "POP", TestFiles.PDF, changed).statusCode(400)
                .body("code", equalTo("content-digest-mismatch"), "issues[0].location", equalTo("header"),
                        "issues[0].name", equalTo("Content-Digest"));
        assertEquals(before, stored.counts());
    }

    @ParameterizedTest
    @CsvSource({"md5=:AAAA:", "sha-256=AAAA", "sha-256=:not base64!:", "sha-256=:AAAA:"})
    void anUnusableContentDigestIs400NamingTheHeader(String header) {
        upload(as(ocmw, "coach").header("Content-Digest", header), "POP", TestFiles.PDF, TestFiles.pdf())
                .statusCode(400)
                .body("issues[0].location", equalTo("header"), "issues[0].name", equalTo("Content-Digest"));
    }

    @Test
    void missingMetadataIs400NamingEachParameter() {
        file(invalid(as(ocmw, "coach")), TestFiles.PDF, TestFiles.pdf())
                .queryParam("kind", "DIARY").queryParam("title", "")
                .post("/trajectories/" + trajectory + "/documents").then().statusCode(400)
                .body("issues.name", hasItem("kind"));
        file(invalid(as(ocmw, "coach")), TestFiles.PDF, TestFiles.pdf()).queryParam("kind", "POP")
                .post("/trajectories/" + trajectory + "/documents").then().statusCode(400)
                .body("issues.name", hasItem("title"), "issues.name", hasItem("fileName"));
    }

    @Test
    void parallelVersionUploadsGetDistinctNumbers() throws Exception {
        String pop = upload("POP", TestFiles.PDF, TestFiles.pdf()).statusCode(201).extract().path("id");
        List<Integer> statuses = Parallel.statuses(4, i -> uploadVersion(pop, TestFiles.pdf(200_000))
                .extract().statusCode());
        assertEquals(List.of(201, 201, 201, 201), statuses);
        as(ocmw, "coach").get("/trajectories/" + trajectory + "/documents/" + pop).then()
                .body("versions.number", contains(1, 2, 3, 4, 5));
    }

    @Test
    void aWithdrawnVersionStaysListedIsNoLongerHandedOutAndIsAudited() {
        String pop = upload("POP", TestFiles.PDF, TestFiles.pdf()).statusCode(201).extract().path("id");
        String path = versionPath(pop, 1) + "/withdrawal";
        Map<String, String> reason = Map.of("reason", "Plan of another client uploaded by mistake.");
        invalid(as(ocmw, "coach")).body(reason).post(path).then().statusCode(428);
        as(ocmw, "coach").header("If-Match", "\"7\"").body(reason).post(path).then().statusCode(412)
                .body("currentETag", equalTo("\"0\""));
        invalid(as(ocmw, "coach")).header("If-Match", "\"0\"").body(json(new DocumentWithdrawal().reason("")))
                .post(path).then()
                .statusCode(400).body("issues[0].name", equalTo("reason"));

        as(cluster, "coach").header("If-Match", "\"0\"").body(reason).post(path).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("withdrawn", equalTo(true), "withdrawnBy", equalTo(cluster),
                        "withdrawalReason", equalTo(reason.get("reason")));
        as(ocmw, "coach").header("If-Match", "\"1\"").body(reason).post(path).then().statusCode(409)
                .body("code", equalTo("document-version-already-withdrawn"));
        as(ocmw, "coach").get(versionPath(pop, 1) + "/content").then().statusCode(410)
                .body("code", equalTo("document-version-withdrawn"));
        as(ocmw, "coach").get(versionPath(pop, 1)).then().statusCode(200).body("withdrawn", equalTo(true));
        as(ocmw, "admin").get("/organisations/" + ocmw + "/audit-events").then()
                .body("items.find { it.action == 'withdraw' }.actorOrganisationId", equalTo(cluster));
    }

    @Test
    void vdabHelpdeskUploadsOnBehalfAndAnAnalystMayNotUpload() {
        upload(as("vdab", "helpdesk"), "GPMI", TestFiles.PDF, TestFiles.pdf()).statusCode(201)
                .body("versions[0].uploadedBy", equalTo("vdab"), "versions[0].onBehalf", equalTo(true));
        upload(as("vdab", "analyst"), "GPMI", TestFiles.PDF, TestFiles.pdf()).statusCode(403);
    }

    @Test
    void unknownDocumentsAndVersionsAre404() {
        String pop = upload("POP", TestFiles.PDF, TestFiles.pdf()).statusCode(201).extract().path("id");
        as(ocmw, "coach").get(versionPath(pop, 2)).then().statusCode(404);
        as(ocmw, "coach").get(versionPath(UUID.randomUUID().toString(), 1) + "/content").then().statusCode(404);
        uploadVersion(UUID.randomUUID().toString(), TestFiles.pdf()).statusCode(404);
    }
}
