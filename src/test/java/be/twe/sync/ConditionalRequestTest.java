package be.twe.sync;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.PartnerAgreementInput;
import be.twe.support.Bodies;
import be.twe.support.Parallel;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConditionalRequestTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;
    String trajectory;

    @BeforeEach
    void freshTrajectory() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
        trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
    }

    /** 304 without a body for the current tag (also in a list or weak), 200 for a stale one. */
    void answersNotModifiedForTheCurrentTag(String role, String path) {
        String etag = as(ocmw, role).get(path).then().statusCode(200).extract().header("ETag");
        for (String current : List.of(etag, "\"x\", " + etag, "W/" + etag, "*")) {
            as(ocmw, role).header("If-None-Match", current).get(path).then().statusCode(304)
                    .header("ETag", equalTo(etag)).body(emptyString());
        }
        as(ocmw, role).header("If-None-Match", "\"stale\"").get(path).then().statusCode(200)
                .header("ETag", equalTo(etag));
    }

    @Test
    void everyRecordAnswers304ToItsCurrentTag() {
        String instrument = Registrations.wes(ocmw, trajectory, coach, "2024-02-01", "2024-04-30");
        String document = Registrations.document(ocmw, trajectory, "POP");

        answersNotModifiedForTheCurrentTag("coach", "/trajectories/" + trajectory);
        answersNotModifiedForTheCurrentTag("coach", "/trajectories/" + trajectory + "/instruments/" + instrument);
        answersNotModifiedForTheCurrentTag("coach", "/trajectories/" + trajectory + "/documents/" + document);
        answersNotModifiedForTheCurrentTag("coach", "/trajectories/" + trajectory + "/documents/" + document
                + "/versions/1");
        answersNotModifiedForTheCurrentTag("admin", "/organisations/" + ocmw + "/coaches/" + coach);
        answersNotModifiedForTheCurrentTag("admin", "/organisations/" + ocmw + "/partner-agreement");
        answersNotModifiedForTheCurrentTag("admin", "/organisations/" + ocmw + "/financial-details");
    }

    @Test
    void aChangeMakesTheOldTagStale() {
        String path = "/trajectories/" + trajectory;
        as(ocmw, "coach").header("If-Match", "\"0\"").body(Bodies.replacing(Map.of("coachId", coach.toString(),
                "externalReference", "K-1"), Bodies.TRAJECTORY_UPDATE)).put(path).then().statusCode(200)
                .header("ETag", "\"1\"");
        as(ocmw, "coach").header("If-None-Match", "\"0\"").get(path).then().statusCode(200)
                .body("externalReference", equalTo("K-1"));

        String document = Registrations.document(ocmw, trajectory, "POP");
        String before = as(ocmw, "coach").get(path + "/documents/" + document).then().extract().header("ETag");
        as(ocmw, "coach").contentType(TestFiles.PDF).body(TestFiles.pdf(2000)).queryParam("fileName", "v2.pdf")
                .post(path + "/documents/" + document + "/versions").then().statusCode(201);
        as(ocmw, "coach").header("If-None-Match", before).get(path + "/documents/" + document).then()
                .statusCode(200).body("versions.size()", equalTo(2));
    }

    @Test
    void thePartnerAgreementNeedsIfMatch() {
        String organisation = data.newOcmw();
        String path = "/organisations/" + organisation + "/partner-agreement";
        as(organisation, "admin").get(path).then().statusCode(200).header("ETag", "\"0\"")
                .body("signedOn", equalTo(null));
        problem(invalid(as(organisation, "admin")).body(json(new PartnerAgreementInput()
                .signedOn(LocalDate.parse("2020-01-01")))).put(path).then(), 428,
                "precondition-required");
        as(organisation, "admin").header("If-Match", "\"0\"").body(json(new PartnerAgreementInput()
                .signedOn(LocalDate.parse("2020-01-01")))).put(path)
                .then().statusCode(200).header("ETag", "\"1\"").body("signedOn", equalTo("2020-01-01"));
        problem(as(organisation, "admin").header("If-Match", "\"0\"").body(json(new PartnerAgreementInput()
                .signedOn(LocalDate.parse("2021-01-01"))))
                .put(path).then(), 412, "precondition-failed").body("currentETag", equalTo("\"1\""));
        as(organisation, "admin").get(path).then().header("ETag", "\"1\"").body("signedOn", equalTo("2020-01-01"));
    }

    @Test
    void parallelFirstRecordsOfAnAgreement() throws Exception {
        String organisation = data.newOcmw();
        List<Integer> statuses = Parallel.statuses(4, i -> as(organisation, "admin").header("If-Match", "\"0\"")
                .body(json(new PartnerAgreementInput().signedOn(LocalDate.parse("2020-01-0" + (i + 1)))))
                .put("/organisations/" + organisation
                        + "/partner-agreement").then().extract().statusCode());
        assertEquals(1, Parallel.count(statuses, 200), statuses.toString());
        assertEquals(3, Parallel.count(statuses, 412), statuses.toString());
        as(organisation, "admin").get("/organisations/" + organisation + "/partner-agreement").then()
                .header("ETag", "\"1\"");
    }
}
