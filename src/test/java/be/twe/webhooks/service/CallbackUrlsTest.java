package be.twe.webhooks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import be.twe.common.error.InvalidInputProblem;

class CallbackUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hook", "ftp://93.184.215.14/hook", "https://127.0.0.1/hook",
            "https://localhost/hook", "https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook",
            "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://user:pw@93.184.215.14/",
            "not a url", "https:///nohost"})
    void refusesWhatIsNotHttpsToAPublicAddress(String url) {
        InvalidInputProblem problem = assertThrows(InvalidInputProblem.class, () -> CallbackUrls.check(url, false));
        assertEquals("url", problem.issues().get(0).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"})
    void acceptsHttpsToAPublicAddress(String url) {
        assertEquals(url, CallbackUrls.check(url, false).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/hook", "http://localhost/hook"})
    void theDevelopmentProfileAcceptsLoopbackReceivers(String url) {
        assertEquals(url, CallbackUrls.check(url, true).toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 14})
    void retriesLastMoreThanADay(int attempts) {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5));
        assertEquals(true, schedule.total().compareTo(Duration.ofHours(24)) > 0);
        assertEquals(attempts == 14, schedule.after(attempts) == null, "14 attempts, then FAILED");
    }
}
