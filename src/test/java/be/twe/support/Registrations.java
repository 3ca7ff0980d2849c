package be.twe.support;

import static be.twe.support.Api.as;

import java.util.UUID;

/** Records made through the API by a coach of {@code caller}, for tests whose subject is something else. */
public final class Registrations {
    private Registrations() {
    }

    /** A trajectory of a new client of {@code ocmw}; returns its id. */
    public static String trajectory(String caller, String ocmw, UUID coach, String startDate) {
        return as(caller, "coach").body(Requests.json(Requests.trajectory(ocmw, coach, startDate)))
                .post("/trajectories").then().statusCode(201).extract().path("id");
    }

    /** A work-experience (WES) instrument; returns its id. */
    public static String wes(String caller, String trajectory, UUID coach, String startDate, String plannedEndDate) {
        return as(caller, "coach").body(Requests.json(Requests.wes(coach, startDate, plannedEndDate)))
                .post("/trajectories/" + trajectory + "/instruments").then().statusCode(201).extract().path("id");
    }

    /** A document of {@code kind} with one small PDF version; returns its id. */
    public static String document(String caller, String trajectory, String kind) {
        return as(caller, "coach").contentType(TestFiles.PDF).body(TestFiles.pdf()).queryParam("kind", kind)
                .queryParam("title", "Plan").queryParam("fileName", "plan.pdf")
                .post("/trajectories/" + trajectory + "/documents").then().statusCode(201).extract().path("id");
    }
}
