// Pre-build: the documents are large-app's, copied from the repository's it-fixtures rather than kept twice.
// The cloned project lives in soda-gql-maven-plugin/target/it/edit-loop-app, four levels below the root.
def source = new File(basedir, '../../../../it-fixtures/large-app/src/main/graphql').canonicalFile
assert source.isDirectory() : "large-app documents not found at ${source}"
def target = new File(basedir, 'src/main/graphql')
source.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def copy = new File(target, source.toPath().relativize(file.toPath()).toString())
    copy.parentFile.mkdirs()
    copy.bytes = file.bytes
}
return true
