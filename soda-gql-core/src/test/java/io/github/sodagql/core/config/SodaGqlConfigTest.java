package io.github.sodagql.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SodaGqlConfigTest {
    private static final Path PROJECT = Path.of("/work/project").toAbsolutePath();

    private static SodaGqlConfig.Builder valid() {
        return SodaGqlConfig.builder(PROJECT).javaPackage("com.example.graphql");
    }

    @Test
    void validConfigHasNoProblems() {
        assertEquals(List.of(), valid().build().problems());
    }

    @Test
    void outputAndStateFoldersThatOverlapAreOneProblemNamingBoth() {
        for (SodaGqlConfig config : List.of(
                valid().outputDirectory("target/gen").stateDirectory("target/gen").build(),
                valid().outputDirectory("target/gen").stateDirectory("target/gen/state").build(),
                valid().outputDirectory("target/soda-gql/java").stateDirectory("target/soda-gql").build(),
                valid().outputDirectory(".").build())) {
            List<Diagnostic> problems = config.problems();

            assertEquals(List.of(DiagnosticCode.CONFIG_INVALID), problems.stream().map(Diagnostic::code).toList(),
                    config.outputDirectory() + " / " + config.stateDirectory());
            String message = problems.get(0).message();
            org.junit.jupiter.api.Assertions.assertTrue(message.contains("'" + config.outputDirectory() + "'")
                    && message.contains("'" + config.stateDirectory() + "'"), message);
        }
        assertEquals(List.of(), valid().outputDirectory("target/gen").stateDirectory("target/generated").build().problems(),
                "a shared prefix of names is no overlap");
    }

    @Test
    void invalidPackageNameIsReportedNamingTheField() {
        List<Diagnostic> problems = valid().javaPackage("com.example.class").build().problems();

        assertEquals(1, problems.size());
        assertEquals(DiagnosticCode.CONFIG_INVALID, problems.get(0).code());
        assertEquals("Configuration 'packageName' 'com.example.class' is not a valid Java package name.",
                problems.get(0).message());
    }

    @Test
    void badScalarMappingAndGlobAreReported() {
        List<Diagnostic> problems = valid()
                .scalar(ScalarMapping.of("Date-Time", "java.time.OffsetDateTime"))
                .documentRoot(new DocumentRoot(io.github.sodagql.core.source.ProjectPath.parse("src"), List.of("**/[a.graphql"), List.of()))
                .build().problems();

        assertEquals(List.of("Configuration 'includes/excludes' pattern '**/[a.graphql' is not a valid glob.",
                        "Configuration 'scalars' 'Date-Time' is not a GraphQL scalar name."),
                problems.stream().map(Diagnostic::message).toList());
    }

    @Test
    void hashIsStableAndFollowsEveryOutputRelevantValue() {
        SodaGqlConfig config = valid().build();

        assertEquals(config.hash(), valid().build().hash());
        assertEquals(config.hash(), SodaGqlConfig.builder(Path.of("/elsewhere").toAbsolutePath())
                .javaPackage("com.example.graphql").build().hash());
        assertNotEquals(config.hash(), valid().javaPackage("com.example.other").build().hash());
        assertNotEquals(config.hash(), valid().scalar(ScalarMapping.of("DateTime", "java.time.Instant")).build().hash());
    }

    @Test
    void unknownNullabilityIsReportedAndOnlyANonDefaultModeChangesTheHash() {
        assertEquals(List.of("Configuration 'nullability' 'strict' is not a nullability mode."),
                valid().nullability("strict").build().problems().stream().map(Diagnostic::message).toList());
        assertEquals(Nullability.JSPECIFY, valid().nullability(" jspecify ").build().nullabilityMode());
        // The default keeps the hash of configs from before the option, so upgrading is not a full rebuild.
        assertEquals(valid().build().hash(), valid().nullability("none").build().hash());
        assertNotEquals(valid().build().hash(), valid().nullability("jspecify").build().hash());
    }

    @Test
    void absolutePathsBecomeProjectRelative() {
        SodaGqlConfig config = valid().stateDirectory(PROJECT.resolve("build/state").toString()).build();

        assertEquals("build/state", config.stateDirectory().value());
    }

    @Test
    void leadingDoubleStarGlobAlsoMatchesTopLevelFiles() {
        PathGlob glob = new PathGlob("**/*.graphql");

        assertEquals(true, glob.matches(Path.of("a.graphql")));
        assertEquals(true, glob.matches(Path.of("x/y/a.graphql")));
        assertEquals(false, glob.matches(Path.of("x/a.graphqls")));
    }
}
