package be.twe.statistics;

import static be.twe.statistics.StartStatisticsTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Figures from the measure's start in 2017 under the municipality valid then (issue 19): Puurs
 * (12030) and Deinze (44011) merged on 2019-01-01 into Puurs-Sint-Amands (12041) and a new
 * Deinze (44083); MERGED_2019 and MERGED_2025 report them under what they became.
 */
@QuarkusTest
class MunicipalityHistoryStatisticsTest {
    @Inject
    TestData data;

    String cluster;

    @BeforeEach
    void registrations() {
        cluster = data.newCluster();
        register("12030", "2017-05-01", "2018-03-01");
        register("12041", "2019-02-01");
        register("44011", "2018-06-01");
        register("44083", "2025-02-01");
    }

    private void register(String nisCode, String... startDates) {
        String ocmw = data.newOcmw(nisCode);
        data.mandate(cluster, ocmw, LocalDate.of(2017, 1, 1), null);
        UUID coach = data.accreditedCoach(ocmw);
        for (String date : startDates) {
            Registrations.trajectory(ocmw, ocmw, coach, date);
        }
    }

    /** "nisCode name year trajectories" of each row grouped by municipality and year. */
    private List<String> perMunicipalityAndYear(String query) {
        return rows(cluster, "groupBy=municipality,year" + query).stream().map(r -> r.get("municipalityNisCode") + " "
                + r.get("municipalityName") + " " + r.get("year") + " " + r.get("trajectories")).toList();
    }

    @Test
    void atTheEventEachYearHasTheMunicipalitiesOfThatYear() {
        assertEquals(List.of("12030 Puurs 2017 1", "12030 Puurs 2018 1", "12041 Puurs-Sint-Amands 2019 1",
                "44011 Deinze 2018 1", "44083 Deinze 2025 1"), perMunicipalityAndYear(""));
        assertEquals(List.of("12030 Puurs 2017 1", "12030 Puurs 2018 1"), perMunicipalityAndYear("&nisCode=12030"));
    }

    @Test
    void mergedTo2019TheYears2017And2018CountUnderWhatTheyBecame() {
        assertEquals(List.of("12041 Puurs-Sint-Amands 2017 1", "12041 Puurs-Sint-Amands 2018 1",
                        "12041 Puurs-Sint-Amands 2019 1", "44083 Deinze 2018 1", "44083 Deinze 2025 1"),
                perMunicipalityAndYear("&municipalities=MERGED_2019"));
        assertEquals(List.of("12041 Puurs-Sint-Amands 2017 1", "12041 Puurs-Sint-Amands 2018 1",
                        "12041 Puurs-Sint-Amands 2019 1"),
                perMunicipalityAndYear("&municipalities=MERGED_2019&nisCode=12041"));
    }

    /** Counts of one municipality and year as Antwerpen sees them (other tests may register there too). */
    private static long borsbeekFigure(String municipalities, String nisCode) {
        return rows("ocmw-11002", "groupBy=municipality,year&fromYear=2018&toYear=2018&municipalities="
                + municipalities).stream().filter(r -> nisCode.equals(r.get("municipalityNisCode")))
                .mapToLong(r -> ((Number) r.get("trajectories")).longValue()).sum();
    }

    @Test
    void aBorsbeekTrajectoryOf2018RegisteredByAntwerpenCountsUnderBorsbeekAndMergedUnderAntwerpen() {
        long atEvent = borsbeekFigure("AT_EVENT", "11007");
        long merged = borsbeekFigure("MERGED_2025", "11002");
        UUID coach = data.accreditedCoach("ocmw-11002");
        Registrations.trajectory("ocmw-11002", "ocmw-11007", coach, "2018-04-01");
        assertEquals(atEvent + 1, borsbeekFigure("AT_EVENT", "11007"), "under Borsbeek, 2018");
        assertEquals(merged + 1, borsbeekFigure("MERGED_2025", "11002"), "under Antwerpen, mapped to 2025");
    }

    @Test
    void mergedTo2025EveryMergerIsFollowed() {
        assertEquals(perMunicipalityAndYear("&municipalities=MERGED_2019"),
                perMunicipalityAndYear("&municipalities=MERGED_2025"), "none of these merged again in 2025");
        assertEquals(List.of("10000 2017 1", "10000 2018 1", "10000 2019 1", "40000 2018 1", "40000 2025 1"),
                rows(cluster, "groupBy=province,year&municipalities=MERGED_2025").stream()
                        .map(r -> r.get("provinceNisCode") + " " + r.get("year") + " " + r.get("trajectories")).toList());
    }
}
