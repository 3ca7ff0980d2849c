package be.twe.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak on loopback: the distribution the build unpacked from Maven Central
 * ({@code keycloak.home}, see the pom), in development mode with its own file store, importing
 * the shipped realm export unchanged at start. A bootstrap administrator lets a test change the
 * realm through the admin REST API as an operator would.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String ADMIN = "kc-admin";
    public static final String ADMIN_PASSWORD = "kc-admin-password";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Process process;
    private final Path log;
    public final int port;

    private KeycloakServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static KeycloakServer start(Path realmExport) throws Exception {
        return start(realmExport, AppInstance.freePort());
    }

    /** On a port chosen beforehand, e.g. one an API instance already names as its issuer's. */
    public static KeycloakServer start(Path realmExport, int port) throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-unpacked-by-the-build"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + ": run through ./mvnw verify, which unpacks it");
        }
        deleteTree(home.resolve("data")); // a fresh store: the realm is imported as shipped, every run
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmExport, home.resolve("data/import").resolve(realmExport.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        Path log = Files.createTempFile("keycloak-", ".log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + AppInstance.freePort(),
                "--import-realm").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"));
        KeycloakServer server = new KeycloakServer(builder.start(), log, port);
        server.awaitRealm("twe", Duration.ofSeconds(180));
        return server;
    }

    public String issuer(String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** An access token of a confidential client by the client-credentials grant. */
    public JsonNode clientCredentials(String realm, String clientId, String secret) throws Exception {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    public JsonNode token(String realm, Map<String, String> form) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer(realm)
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request refused: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Signs a user in to a public client as a browser does (authorization code with PKCE S256):
     * the login form, then the forced password change of a first sign-in, then the code exchanged
     * with the verifier. Returns the token response (access_token, id_token, ...).
     */
    public JsonNode signIn(String realm, String clientId, String redirectUri, String username, String password,
            String newPassword) throws Exception {
        BrowserSession browser = new BrowserSession();
        String verifier = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
        String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> page = browser.get(issuer(realm) + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", redirectUri,
                "state", "s1", "code_challenge", challenge, "code_challenge_method", "S256")));
        page = browser.post(BrowserSession.formAction(page.body()), Map.of("username", username, "password", password));
        String next = page.headers().firstValue("Location").orElse("");
        if (page.statusCode() == 302 && next.startsWith(url("/"))) { // a required action on a page of its own
            page = browser.get(next);
        }
        if (newPassword != null) {
            if (!page.body().contains("password-new")) {
                throw new IllegalStateException("No password change was asked for: " + page.statusCode());
            }
            page = browser.post(BrowserSession.formAction(page.body()),
                    Map.of("password-new", newPassword, "password-confirm", newPassword));
        }
        HttpResponse<String> last = page;
        String location = last.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Sign-in did not redirect: " + last.statusCode()));
        if (!location.startsWith(redirectUri)) {
            throw new IllegalStateException("Sign-in redirected elsewhere: " + location);
        }
        String code = java.util.Arrays.stream(URI.create(location).getQuery().split("&"))
                .filter(p -> p.startsWith("code=")).findFirst().orElseThrow().substring(5);
        return token(realm, Map.of("grant_type", "authorization_code", "client_id", clientId, "code",
                java.net.URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", redirectUri,
                "code_verifier", verifier));
    }

    /** Calls the admin REST API of a realm as the bootstrap administrator; returns the response. */
    public HttpResponse<String> admin(String method, String path, Object body) throws Exception {
        String token = token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", ADMIN, "password", ADMIN_PASSWORD)).path("access_token").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/admin/realms" + path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** The payload of a JWT, decoded without verification: for asserting what the issuer put in. */
    public static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitRealm(String realm, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting:\n" + log());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/.well-known/openid-configuration"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + ":\n" + log());
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(path);
                }
            }
        }
    }

}
