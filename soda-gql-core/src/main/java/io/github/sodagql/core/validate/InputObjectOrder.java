package io.github.sodagql.core.validate;

import graphql.language.AstTransformer;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
import java.util.Comparator;
import java.util.List;

/**
 * A copy of a document whose input object values list their fields sorted by name, for graphql-java's
 * field-merging rule, which compares object values in written order. Only validation sees the copy: the
 * composed document, the artifact and the operation id keep the order the user wrote. Locations are kept.
 */
final class InputObjectOrder {
    private static final Comparator<ObjectField> BY_NAME = Comparator.comparing(ObjectField::getName);

    private InputObjectOrder() {}

    static Document sorted(Document document) {
        Node<?> transformed = new AstTransformer().transform(document, new NodeVisitorStub() {
            @Override
            public TraversalControl visitObjectValue(ObjectValue node, TraverserContext<Node> context) {
                List<ObjectField> fields = node.getObjectFields();
                List<ObjectField> sorted = fields.stream().sorted(BY_NAME).toList();
                if (!sorted.equals(fields)) {
                    return TreeTransformerUtil.changeNode(context, node.transform(b -> b.objectFields(sorted)));
                }
                return TraversalControl.CONTINUE;
            }
        });
        return (Document) transformed;
    }
}
