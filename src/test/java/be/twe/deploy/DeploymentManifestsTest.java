package be.twe.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * deploy/kubernetes read into Kubernetes' own model classes, refusing any field Kubernetes does
 * not know (a typo would otherwise be ignored by the cluster), and checked against what the
 * application needs: its probes, port, shutdown timeout, writable /tmp and variables.
 */
class DeploymentManifestsTest {
    static final Path DIR = Path.of("deploy", "kubernetes");
    static final YAMLMapper YAML = new YAMLMapper();

    final Deployment deployment = read("deployment.yaml", Deployment.class);
    final Container api = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    final Properties application = properties();

    @Test
    void everyManifestIsAKubernetesObjectWithOnlyKnownFieldsAndIsInTheKustomization() throws IOException {
        Set<String> listed = new TreeSet<>();
        YAML.readTree(DIR.resolve("kustomization.yaml").toFile()).path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        try (var paths = Files.list(DIR)) {
            paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .forEach(files::add);
        }
        assertEquals(files, listed);
        Map<String, Class<?>> kinds = Map.of("Deployment", Deployment.class, "Service", Service.class,
                "ConfigMap", ConfigMap.class, "Ingress", Ingress.class, "PodDisruptionBudget", PodDisruptionBudget.class);
        for (String file : files) {
            String kind = YAML.readTree(DIR.resolve(file).toFile()).path("kind").asText();
            assertTrue(kinds.containsKey(kind), file + ": " + kind);
            assertOnlyKnownFields(read(file, kinds.get(kind)), file);
        }
    }

    @Test
    void probesAndPortAreTheApplications() {
        assertEquals(8080, api.getPorts().get(0).getContainerPort());
        assertEquals("/q/health/started", api.getStartupProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", api.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", api.getLivenessProbe().getHttpGet().getPath());
        Service service = read("service.yaml", Service.class);
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector());
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(),
                read("poddisruptionbudget.yaml", PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
    }

    @Test
    void uploadsInFlightOutliveTheShutdownAndARolloutKeepsCapacity() {
        Duration shutdown = Duration.parse("PT" + application.getProperty("quarkus.shutdown.timeout").toUpperCase());
        assertTrue(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()
                > shutdown.toSeconds());
        assertEquals(0, deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
        assertTrue(deployment.getSpec().getReplicas() >= 2);
    }

    @Test
    void theRootFileSystemIsReadOnlyAndTmpIsWritable() {
        assertTrue(api.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(List.of("ALL"), api.getSecurityContext().getCapabilities().getDrop());
        assertTrue(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        String volume = api.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow().getName();
        assertTrue(deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .anyMatch(v -> v.getName().equals(volume) && v.getEmptyDir() != null));
    }

    @Test
    void theHeapFitsTheMemoryLimit() {
        assertEquals(api.getResources().getRequests().get("memory"), api.getResources().getLimits().get("memory"));
        String options = read("configmap.yaml", ConfigMap.class).getData().get("JAVA_TOOL_OPTIONS");
        assertTrue(options.contains("-XX:MaxRAMPercentage="), options);
    }

    @Test
    void everyVariableSetIsOneTheDocumentationNames() throws IOException {
        String documented = Files.readString(Path.of("README.md")) + Files.readString(Path.of("docs", "operations.md"));
        List<String> variables = new ArrayList<>(read("configmap.yaml", ConfigMap.class).getData().keySet());
        api.getEnv().forEach(e -> variables.add(e.getName()));
        for (String variable : variables) {
            assertTrue(documented.contains(variable), variable + " is not in the README or docs/operations.md");
        }
        assertTrue(variables.containsAll(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_AUTH_SERVER_URL")));
    }

    @Test
    void theIngressRoutesTheBasePathAndTheRedirectedOldPathsButNeverTheFrameworksOwn() throws IOException {
        Set<String> contract = new TreeSet<>();
        JsonNode root = YAML.readTree(Path.of("openapi.yaml").toFile());
        contract.add(root.path("servers").path(0).path("url").asText());
        root.path("paths").fieldNames().forEachRemaining(p -> contract.add("/" + p.split("/")[1]));
        assertTrue(contract.contains("/api/v1"), contract.toString());
        Set<String> routed = new TreeSet<>();
        for (var rule : read("ingress.yaml", Ingress.class).getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                routed.add(path.getPath());
            }
        }
        assertEquals(contract, routed);
    }

    /** Fabric8 keeps fields it does not know in additionalProperties: there must be none, at any depth. */
    static void assertOnlyKnownFields(Object object, String where) {
        if (object == null || !object.getClass().getName().startsWith("io.fabric8.")) {
            if (object instanceof Collection<?> items) {
                items.forEach(item -> assertOnlyKnownFields(item, where));
            } else if (object instanceof Map<?, ?> map) {
                map.values().forEach(value -> assertOnlyKnownFields(value, where));
            }
            return;
        }
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(object.getClass()).getPropertyDescriptors()) {
                Method getter = property.getReadMethod();
                if (getter == null || getter.getParameterCount() > 0 || property.getName().equals("class")) {
                    continue;
                }
                Object value = getter.invoke(object);
                if (property.getName().equals("additionalProperties")) {
                    assertTrue(((Map<?, ?>) value).isEmpty(), where + ": unknown fields " + value + " in "
                            + object.getClass().getSimpleName());
                } else {
                    assertOnlyKnownFields(value, where);
                }
            }
        } catch (ReflectiveOperationException | java.beans.IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String file, Class<T> type) {
        try {
            return YAML.readValue(DIR.resolve(file).toFile(), type);
        } catch (IOException e) {
            throw new AssertionError(file + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static Properties properties() {
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
