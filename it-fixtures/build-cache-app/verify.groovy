// Post-build check: the Apache Maven Build Cache Extension with soda-gql, by real builds (Maven 3.9, fetched by
// setup.groovy) of two checkouts of this project in different folders, sharing one cache (as CI machines share a
// remote one). Each checkout gets .mvn/ from cache-config/, the files docs/configuration.md shows.
//   1. a clean build of the first checkout is a miss, and is saved;
//   2. the same build again is a hit that restores the generated sources, resources and classes;
//   3. a .graphql edit is a miss;
//   4. a second checkout in another folder (the original documents) is a hit: nothing cached holds a path.
import java.nio.file.Files
import java.util.concurrent.TimeUnit

def base = (basedir as File).canonicalFile
def maven = new File(base, 'target/apache-maven-3.9.11/bin/mvn')
assert maven.isFile() : "setup.groovy did not unpack Maven 3.9: ${maven}"
def settings = [new File(base, '../interpolated-settings.xml'), new File(base, '../../../src/it/settings.xml')]
        .collect { it.canonicalFile }.find { it.isFile() }
def repo = new File(localRepositoryPath as String).canonicalFile
def cache = new File(base, 'target/build-cache')
def checkouts = new File(base, 'target/checkouts')
checkouts.deleteDir()
cache.deleteDir()

def copyTree = { File from, File to ->
    from.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        def copy = new File(to, from.toPath().relativize(file.toPath()).toString())
        copy.parentFile.mkdirs()
        copy.bytes = file.bytes
    }
}
def checkout = { File into ->
    into.mkdirs()
    new File(into, 'pom.xml').bytes = new File(base, 'pom.xml').bytes
    copyTree(new File(base, 'src'), new File(into, 'src'))
    copyTree(new File(base, 'cache-config'), new File(into, '.mvn'))
    into
}
def first = checkout(new File(checkouts, 'first/app'))
def second = checkout(new File(checkouts, 'second/some/other/place/app'))

def stripAnsi = { String s -> s.replaceAll(/\u001B\[[0-9;]*[A-Za-z]/, '') }
int runs = 0
def build = { String step, File project ->
    def log = new File(base, "cache-${++runs}-${step}.log")
    def cmd = [maven.path, '-B', '-Dstyle.color=never', '-s', settings.path, "-Dmaven.repo.local=${repo.path}".toString(),
               "-Dmaven.build.cache.location=${cache.path}".toString(), 'clean', 'verify']
    def pb = new ProcessBuilder(cmd).directory(project).redirectErrorStream(true).redirectOutput(log)
    pb.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC')
    def process = pb.start()
    process.outputStream.close()
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
        process.destroyForcibly()
        assert false : "${step}: timed out; see ${log}"
    }
    def text = stripAnsi(log.text)
    assert process.exitValue() == 0 : "${step}: exited with ${process.exitValue()}:\n${text}"
    assert !text.contains('[ERROR]') : "${step}: [ERROR] in the output:\n${text}"
    boolean hit = text.contains('Found cached build, restoring')
    boolean generated = text.readLines().any { it.contains('soda-gql: ') && it.contains(' files (') }
    println "verify.groovy: ${step}: ${hit ? 'hit' : 'miss'}, soda-gql ${generated ? 'ran' : 'did not run'}"
    [log: text, hit: hit, generated: generated]
}
def outputs = { File project ->
    ['target/generated-sources/soda-gql/com/example/cache/graphql/ProductListQuery.java',
     'target/classes/com/example/cache/graphql/ProductListQuery.class',
     'target/classes/com/example/cache/Catalog.class',
     'target/classes/graphql-documents/ProductList.graphql',
     'target/classes/META-INF/soda-gql/persisted-documents.json'].each {
        assert new File(project, it).isFile() : "${it} missing in ${project}"
    }
}

def clean = build('clean', first)
assert !clean.hit && clean.generated : "a clean build must be a miss:\n${clean.log}"
assert clean.log.contains('Saved Build to local file') : "the clean build was not saved:\n${clean.log}"
outputs(first)
def document = new File(first, 'target/classes/graphql-documents/ProductList.graphql').text

def again = build('again', first)
assert again.hit && !again.generated : "the same build again must be a hit:\n${again.log}"
outputs(first)
assert new File(first, 'target/classes/graphql-documents/ProductList.graphql').text == document

def edited = new File(first, 'src/main/graphql/products.graphql')
edited.text = edited.text.replace('  id\n  name\n', '  id\n')
def edit = build('edit', first)
assert !edit.hit && edit.generated : "a .graphql edit must be a miss:\n${edit.log}"
assert !new File(first, 'target/classes/graphql-documents/ProductList.graphql').text.contains('name')

def elsewhere = build('elsewhere', second)
assert elsewhere.hit && !elsewhere.generated : "a second checkout in another folder must be a hit:\n${elsewhere.log}"
outputs(second)
assert new File(second, 'target/classes/graphql-documents/ProductList.graphql').text == document

// The documented configuration is the one tested here, byte for byte.
def docs = new File(base, '../../../../docs/configuration.md').canonicalFile
if (docs.isFile()) {
    ['maven-build-cache-config.xml', 'extensions.xml'].each { name ->
        def config = new File(base, "cache-config/${name}").text.trim()
        assert docs.text.contains(config) : "docs/configuration.md does not show cache-config/${name} as it is"
    }
}
return true
