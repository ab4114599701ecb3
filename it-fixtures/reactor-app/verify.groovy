// Post-build check: two modules built in parallel (-T 2), each with only its own operations; nothing crosses.
import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[0-9;]*m/, '')
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert log.count('soda-gql: 1 document, 2 operations, 1 fragment, 0 errors, 0 warnings') == 2
assert !log.contains('at io.github.sodagql') && !log.contains('[ERROR]')

def modules = [
    catalog: [pkg: 'com/example/catalog/graphql', own: ['CatalogProduct', 'CatalogProducts'], fragments: ['ProductFields'],
              classes: ['CatalogProductQuery', 'CatalogProductsQuery', 'ProductFields']],
    orders : [pkg: 'com/example/orders/graphql', own: ['OrdersByStatus', 'PlaceOrder'], fragments: ['OrderFields'],
              classes: ['OrdersByStatusQuery', 'PlaceOrderMutation', 'OrderFields', 'OrderStatus', 'OrderLineInput']],
]
def support = ['GeneratedOperation', 'GraphQLOperation', 'GraphQLValues', 'Input', 'Operations', 'ScalarCodec'] as Set

modules.each { name, m ->
    def dir = new File(basedir, name)
    def other = modules.find { it.key != name }.value

    // Generated sources: exactly this module's package, this module's classes plus the runtime support.
    def root = new File(dir, 'target/generated-sources/soda-gql')
    def files = []
    root.eachFileRecurse(groovy.io.FileType.FILES) { files << root.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
    assert files.every { it.startsWith(m.pkg + '/') } : "$name: foreign package in $files"
    def generated = files.collect { it.substring(m.pkg.length() + 1) - '.java' } as Set
    assert generated == (support + m.classes) as Set : "$name generated $generated"
    def operationsIndex = new File(root, m.pkg + '/Operations.java').text
    other.own.each { assert !operationsIndex.contains(it) : "$name's Operations mentions $it" }

    // The artifact, in the state directory, on the classpath and in the jar: only this module's operations.
    def artifact = new File(dir, 'target/soda-gql/artifact.json')
    def onClasspath = new File(dir, 'target/classes/META-INF/soda-gql/operations.json')
    assert artifact.bytes == onClasspath.bytes
    def jar = new ZipFile(new File(dir, "target/reactor-${name}-0.1.0-SNAPSHOT.jar"))
    def inJar
    try {
        inJar = jar.getInputStream(jar.getEntry('META-INF/soda-gql/operations.json')).bytes
        assert jar.entries().toList().findAll { it.name.endsWith('.class') }.every { it.name.startsWith(m.pkg + '/') }
    } finally {
        jar.close()
    }
    assert inJar == artifact.bytes
    def json = new JsonSlurper().parse(artifact)
    assert json.operations*.name.sort() == m.own
    assert json.fragments*.name.sort() == m.fragments
    assert json.operations.every { it.source.startsWith('src/main/graphql/') }
    other.own.each { assert !artifact.text.contains(it) }

    // Each module's own test ran and passed.
    assert new File(dir, 'target/surefire-reports').listFiles().any { it.name.endsWith('OperationsTest.txt') }
}
assert log.count('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') >= 2
return true
