package be.twe.statistics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import be.twe.statistics.rest.StatisticsContract;
import be.twe.support.Contract;

/** The spreadsheet's "about" sheet can say what every column of every figure means, and why it is asked. */
class StatisticsContractTest {

    @Test
    void everyStatisticsCallNamesItsQuestionsAndEveryColumnItsMeaning() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Contract.BUNDLE)).path("paths");
        StatisticsContract contract = new StatisticsContract();
        int calls = 0;
        for (String path : (Iterable<String>) paths::fieldNames) {
            if (!path.startsWith("/statistics/") || path.contains("{")) { // the typed CSV and spreadsheet files
                continue;
            }
            calls++;
            StatisticsContract.Call call = contract.at(path);
            assertFalse(call.summary().isBlank(), path);
            assertFalse(call.questions().isEmpty(), path + " names the Parliament's questions it answers");
            assertTrue(call.columns().size() > 5, path + " " + call.columns());
            call.columns().forEach((column, meaning) -> assertFalse(meaning.isBlank(), path + " " + column));
        }
        assertTrue(calls >= 11, "every figure: " + calls);
    }
}
