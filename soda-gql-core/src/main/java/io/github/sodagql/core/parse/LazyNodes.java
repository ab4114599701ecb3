package io.github.sodagql.core.parse;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import io.github.sodagql.core.source.ProjectPath;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Syntax trees on demand: from this build's parse, or parsed again from the text a snapshot kept (counted,
 * {@link #reparsed()}). Each document is parsed again at most once per build; safe to use from several threads.
 */
public final class LazyNodes implements DefinitionNodes {
    private final Map<ProjectPath, ParsedFile> files;
    private final AtomicInteger reparsed = new AtomicInteger();
    private final Map<ProjectPath, Document> documents = new ConcurrentHashMap<>();

    public LazyNodes(Map<ProjectPath, ParsedFile> files) {
        this.files = files;
    }

    @Override
    public OperationDefinition operation(ProjectPath file, String name) {
        return ParsedFile.operation(document(file), name);
    }

    @Override
    public FragmentDefinition fragment(ProjectPath file, String name) {
        return ParsedFile.fragment(document(file), name);
    }

    /** Documents parsed again from their kept text so far. */
    public int reparsed() {
        return reparsed.get();
    }

    private Document document(ProjectPath path) {
        return documents.computeIfAbsent(path, p -> {
            ParsedFile file = files.get(p);
            return file.document().orElseGet(() -> {
                reparsed.incrementAndGet();
                return DocumentParser.parseDocument(file.text(), p.value());
            });
        });
    }
}
