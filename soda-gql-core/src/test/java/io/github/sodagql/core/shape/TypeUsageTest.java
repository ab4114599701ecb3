package io.github.sodagql.core.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.schema.GraphQLSchema;
import io.github.sodagql.core.shape.SelectionShape.ObjectSelection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which named types shapes use, over {@code shape/types/schema.graphqls}. */
class TypeUsageTest {
    private static final GraphQLSchema SCHEMA = TestSchemas.load("shape/types/schema.graphqls");
    private final TypeUsage usage = new TypeUsage(SCHEMA);

    private static TypeRef named(String name, TypeKind kind) {
        return new TypeRef.Named(name, kind);
    }

    private static FieldShape field(String name, TypeRef type) {
        return new FieldShape(name, name, type, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aFragmentUsesTheEnumsAndCustomScalarsItSelectsButNoBuiltInScalar() {
        ObjectSelection order = new ObjectSelection("Order", List.of(field("id", named("ID", TypeKind.SCALAR)),
                field("status", named("Status", TypeKind.ENUM)), field("placedAt", named("DateTime", TypeKind.SCALAR)),
                field("note", named("String", TypeKind.SCALAR))), List.of());

        assertEquals(Set.of("DateTime", "Status"), usage.typesUsed(new FragmentShape("O", "Order",
                io.github.sodagql.core.source.ProjectPath.parse("o.graphql"), order)));
    }

    @Test
    void everyEnumAndInputTypeOfTheSchemaHasItsNameKeptUsedOrNot() {
        assertEquals(Set.of("Status", "Unused"), usage.enumTypeNames());
        assertEquals(Set.of("Filter", "Range"), usage.inputTypeNames());
    }

    @Test
    void theUsageDescribesEnumValuesWithTheirDeprecationAndInputFieldsInOrder() {
        SchemaUsage described = usage.usage(List.of("Status", "Range", "DateTime"));

        assertEquals(List.of("Status"), described.enums().stream().map(EnumShape::name).toList());
        assertEquals(Optional.of("Use OPEN."), described.enums().get(0).values().get(1).deprecationReason());
        assertEquals(List.of("from", "to"), described.inputs().get(0).fields().stream().map(InputShape.Field::name).toList());
        assertEquals(Set.of("DateTime"), described.customScalars());
    }
}
