package be.twe.imports.service;

import java.util.UUID;

/** Fired in the submitting transaction; the worker starts once it has committed. */
record ImportSubmitted(UUID importId) {
}
