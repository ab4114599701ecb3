package io.github.sodagql.core.shape;

import java.util.Objects;
import io.github.sodagql.core.source.ProjectPath;

/** A fragment as a reusable type: its type condition and the shape of its selection. */
public record FragmentShape(String name, String typeCondition, ProjectPath source, SelectionShape selection) {
    public FragmentShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeCondition, "typeCondition");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(selection, "selection");
    }
}
