package be.twe.statistics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import be.twe.common.error.InvalidInputProblem;

/** The suppression rule on hand-made rows (the API test checks it on registrations). */
class DisclosureTest {
    static final Grouping FINEST = Grouping.of(List.of("year", "province", "municipality"), Map.of());

    static Map<String, Object> ended(int year, String nisCode, long trajectories) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("year", year);
        row.put("provinceNisCode", nisCode.startsWith("4") ? "40000" : "10000");
        row.put("provinceName", nisCode.startsWith("4") ? "Oost-Vlaanderen" : "Antwerpen");
        row.put("municipalityNisCode", nisCode);
        row.put("municipalityName", "M" + nisCode);
        row.put("trajectories", trajectories);
        return row;
    }

    @Test
    void aSmallCellAndTheSmallestOtherOneOfItsProvinceAreSuppressed() {
        List<Map<String, Object>> rows = List.of(ended(2024, "44013", 3), ended(2024, "44019", 10),
                ended(2024, "44020", 12));
        Grouping byMunicipality = Grouping.of(List.of("municipality"), Map.of());
        List<Map<String, Object>> asked = rows.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.keySet().retainAll(List.of("municipalityNisCode", "municipalityName", "trajectories"));
            return row;
        }).toList();
        List<Map<String, Object>> published = Disclosure.publishable(Figures.ENDS, FINEST, rows, byMunicipality,
                asked, 5);
        assertEquals(Arrays.asList(null, null, 12L),
                published.stream().map(r -> r.get("trajectories")).toList());
        assertEquals(List.of("trajectories"), published.get(1).get(Disclosure.SUPPRESSED));
        assertEquals(List.of(), published.get(2).get(Disclosure.SUPPRESSED));
    }

    @Test
    void aTableTooDetailedToProtectIsRefused() {
        Grouping finest = Grouping.of(List.of("year", "province", "municipality", "organiser", "kind", "trainingName"),
                Figures.TRAININGS.dimensions());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> row = ended(2017 + i % 8, "4" + (4000 + i % 300), 1);
            row.put("organiser", i % 2 == 0 ? "VDAB" : "PARTNER");
            row.put("kind", "GENERIC");
            row.put("trainingName", "Training " + i);
            row.put("trainings", 1L);
            row.put("ended", 1L);
            rows.add(row);
        }
        assertThrows(InvalidInputProblem.class, () -> Disclosure.publishable(Figures.TRAININGS, finest, rows,
                Grouping.of(List.of("trainingName"), Figures.TRAININGS.dimensions()), List.of(), 5));
    }
}
