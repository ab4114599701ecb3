package io.github.sodagql.core.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.shape.SelectionShape.Branch;
import io.github.sodagql.core.shape.SelectionShape.ObjectSelection;
import io.github.sodagql.core.shape.SelectionShape.PolymorphicSelection;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shapes of fragments over the small schema in {@code shape/schema.graphqls}; cases in {@code shape/<case>/}. */
class ShapeBuilderTest {

    @Test
    void everyMemberOfAUnionGetsTheFieldsOfAnInterfaceConditionItImplements() {
        PolymorphicSelection sellerDetails = assertInstanceOf(PolymorphicSelection.class,
                field(fragment("interface-condition-in-union", "Seller"), "sellerDetails").selection().orElseThrow());

        assertEquals(List.of("Partner", "User"), sellerDetails.branches().stream().map(Branch::label).toList());
        assertEquals(List.of("__typename", "name", "id"), keys(branch(sellerDetails, "Partner")));
        assertEquals(List.of("__typename", "id"), keys(branch(sellerDetails, "User")));
        // A member added to the union later need not implement Node.
        assertEquals(List.of("__typename"), keys(sellerDetails.fallback()));
    }

    @Test
    void concreteTypesThatSelectTheSameFieldsShareOneBranchAndOtherIsLeftForUnknownTypes() {
        PolymorphicSelection node = assertInstanceOf(PolymorphicSelection.class,
                field(fragment("interface-condition-in-union", "AnyNode"), "node").selection().orElseThrow());

        assertEquals(List.of(new Branch("AsNode", List.of("Gallery", "Order", "User"), branch(node, "AsNode")),
                new Branch("Partner", List.of("Partner"), branch(node, "Partner"))), node.branches());
        assertEquals(List.of("__typename", "id"), keys(branch(node, "AsNode")));
        assertEquals(List.of("__typename", "id", "name"), keys(branch(node, "Partner")));
        assertEquals(List.of("__typename", "id"), keys(node.fallback()));
    }

    @Test
    void aConditionalSpreadIsRecognisedByTheKeysItsOwnSpreadsBring() {
        ObjectSelection viewer = (ObjectSelection) field(fragment("conditional-spread", "Feed"), "viewer")
                .selection().orElseThrow();

        assertEquals(List.of(new FragmentRef("ViewerFeed", true, List.of("me"))), viewer.fragments());
    }

    @Test
    void fieldsOfAConditionalOccurrenceOfAResponseKeyAreConditional() {
        ObjectSelection merged = (ObjectSelection) fragment("conditional-spread", "Merged").selection();

        FieldShape me = field(merged, "me");
        assertEquals(false, me.conditional(), "me is selected without a condition once");
        ObjectSelection meSelection = (ObjectSelection) me.selection().orElseThrow();
        assertEquals(false, field(meSelection, "id").conditional());
        assertEquals(true, field(meSelection, "email").conditional(), "email comes only with @include(if: $withEmail)");
        assertEquals(true, field(merged, "partner").conditional());
        assertEquals(false, field((ObjectSelection) field(merged, "partner").selection().orElseThrow(), "id").conditional(),
                "given partner, its id is there");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A fragment of a case folder, shaped against the shared schema with every fragment of the folder in reach. */
    private static FragmentShape fragment(String folder, String name) {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(read(TestProject.resource("shape/schema.graphqls"))));
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        try (Stream<Path> files = Files.list(TestProject.resource("shape/" + folder))) {
            for (Path file : files.toList()) {
                Document document = Parser.parse(read(file));
                document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ShapeBuilder builder = new ShapeBuilder(schema, n -> Optional.ofNullable(fragments.get(n)));
        return builder.fragment(ProjectPath.parse("src/main/graphql/" + folder + "/" + name + ".graphql"), fragments.get(name));
    }

    private static FieldShape field(FragmentShape fragment, String responseName) {
        return field((ObjectSelection) fragment.selection(), responseName);
    }

    private static FieldShape field(ObjectSelection selection, String responseName) {
        return selection.fields().stream().filter(f -> f.responseName().equals(responseName)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + responseName + " in " + keys(selection)));
    }

    private static ObjectSelection branch(PolymorphicSelection selection, String label) {
        return selection.branches().stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no branch " + label)).selection();
    }

    private static List<String> keys(ObjectSelection selection) {
        return selection.fields().stream().map(FieldShape::responseName).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
