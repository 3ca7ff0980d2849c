package be.twe.common.error;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Where a violated value sits in the HTTP request: a query, path or header parameter (named as
 * on the wire, read from the generated interface's annotations) or a field path in the body.
 */
record RequestLocation(String in, String name) {

    boolean echoValue() {
        return !"body".equals(in);
    }

    static RequestLocation of(ConstraintViolation<?> v) {
        List<Path.Node> nodes = new ArrayList<>();
        v.getPropertyPath().forEach(nodes::add);
        Path.MethodNode method = null;
        int parameterIndex = -1;
        int bodyStart = nodes.size();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameterIndex = node.as(Path.ParameterNode.class).getParameterIndex();
                bodyStart = i + 1;
                break;
            }
        }
        if (method != null && parameterIndex >= 0) {
            RequestLocation parameter = parameter(v.getRootBeanClass(), method, parameterIndex);
            if (parameter != null) {
                return parameter;
            }
        }
        return new RequestLocation("body", fieldPath(nodes.subList(bodyStart, nodes.size())));
    }

    private static String fieldPath(List<Path.Node> nodes) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null && path.length() > 0) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.length() == 0 ? "$" : path.toString();
    }

    private static RequestLocation parameter(Class<?> type, Path.MethodNode node, int index) {
        Class<?>[] parameterTypes = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            List<Class<?>> types = new ArrayList<>(List.of(candidate.getInterfaces()));
            types.add(0, candidate);
            for (Class<?> t : types) {
                try {
                    Method m = t.getDeclaredMethod(node.getName(), parameterTypes);
                    RequestLocation location = fromAnnotations(m.getParameterAnnotations()[index]);
                    if (location != null) {
                        return location;
                    }
                } catch (NoSuchMethodException ignored) {
                    // not declared here; look further up
                }
            }
        }
        return null;
    }

    private static RequestLocation fromAnnotations(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return new RequestLocation("query", q.value());
            }
            if (a instanceof PathParam p) {
                return new RequestLocation("path", p.value());
            }
            if (a instanceof HeaderParam h) {
                return new RequestLocation("header", h.value());
            }
        }
        return null;
    }
}
