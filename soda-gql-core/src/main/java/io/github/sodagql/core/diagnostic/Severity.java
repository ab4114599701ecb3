package io.github.sodagql.core.diagnostic;

/** How bad a diagnostic is. Errors fail the build; warnings do not, unless the build tool says so. */
public enum Severity {
    ERROR,
    WARNING
}
