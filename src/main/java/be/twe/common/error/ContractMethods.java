package be.twe.common.error;

import java.lang.reflect.Method;

/** The generated interface's declaration of a resource method: it carries the JAX-RS parameter annotations. */
public final class ContractMethods {
    private ContractMethods() {
    }

    public static Method declaration(Method implementation) {
        for (Class<?> type : implementation.getDeclaringClass().getInterfaces()) {
            try {
                return type.getMethod(implementation.getName(), implementation.getParameterTypes());
            } catch (NoSuchMethodException e) {
                // not this interface
            }
        }
        return implementation;
    }
}
