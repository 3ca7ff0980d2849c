package be.twe.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Jackson mix-ins for generated models whose members depend on the case: the contract keeps
 * explicit nulls for nullable fields, so only the models registered with these leave members out.
 */
public final class JsonMixins {
    private JsonMixins() {
    }

    /** Leaves out null and empty members. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public interface OmitEmpty {
    }

    /** Leaves out null members. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public interface OmitNull {
    }
}
