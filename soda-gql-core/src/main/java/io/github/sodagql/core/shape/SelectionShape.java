package io.github.sodagql.core.shape;

import java.util.List;
import java.util.Objects;

/**
 * What a selection set returns. An {@link ObjectSelection} has one shape for every object; a
 * {@link PolymorphicSelection} on an interface or union has a shape per group of concrete types that the
 * selection distinguishes (through inline fragments or spreads on narrower types), plus a fallback for the
 * other types, including those a newer schema adds.
 */
public sealed interface SelectionShape permits SelectionShape.ObjectSelection, SelectionShape.PolymorphicSelection {

    /** The schema type the selection is on. */
    String typeName();

    /** Every object shape the data may have: this one, or each branch's and then the fallback. */
    default List<ObjectSelection> objects() {
        if (this instanceof PolymorphicSelection polymorphic) {
            List<ObjectSelection> objects = new java.util.ArrayList<>();
            polymorphic.branches().forEach(branch -> objects.add(branch.selection()));
            objects.add(polymorphic.fallback());
            return objects;
        }
        return List.of((ObjectSelection) this);
    }

    record ObjectSelection(String typeName, List<FieldShape> fields, List<FragmentRef> fragments) implements SelectionShape {
        public ObjectSelection {
            Objects.requireNonNull(typeName, "typeName");
            fields = List.copyOf(fields);
            fragments = List.copyOf(fragments);
        }
    }

    record PolymorphicSelection(String typeName, List<Branch> branches, ObjectSelection fallback) implements SelectionShape {
        public PolymorphicSelection {
            Objects.requireNonNull(typeName, "typeName");
            branches = List.copyOf(branches);
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    /**
     * The shape shared by some concrete types.
     *
     * @param label a concrete type's name when the branch has one type, otherwise {@code As} and the type
     *     conditions that make it (e.g. {@code AsNode})
     */
    record Branch(String label, List<String> concreteTypes, ObjectSelection selection) {
        public Branch {
            Objects.requireNonNull(label, "label");
            concreteTypes = List.copyOf(concreteTypes);
            Objects.requireNonNull(selection, "selection");
        }
    }
}
