package be.twe.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.api.model.Problem;
import be.twe.api.model.ProblemIssue;
import io.quarkus.test.junit.QuarkusTest;

/** A problem kept in the database reads back as written, also one stored before an issue's "in" became "location". */
@QuarkusTest
class StoredProblemsTest {
    @Inject
    StoredProblems problems;

    @Test
    void aProblemStoredWithTheFormerIssueMemberReadsBack() {
        Problem old = problems.read("{\"type\":\"urn:problem-type:twe:invalid-input\",\"code\":\"invalid-input\","
                + "\"title\":\"Invalid input\",\"status\":400,\"issues\":[{\"in\":\"body\",\"name\":\"startDate\","
                + "\"detail\":\"Required field is missing.\"}]}");
        assertEquals(ProblemIssue.LocationEnum.BODY, old.getIssues().get(0).getLocation());
        Problem now = problems.read(problems.write(old));
        assertEquals(old, now);
        assertFalse(problems.write(old).contains("\"in\""));
    }
}
