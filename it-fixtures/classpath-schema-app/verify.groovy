// Post-build check of the three invocations (invoker.properties), which all log to build.log:
// 1 `clean compile`: app read the schema from api/target/classes; 2 `verify`: from api's jar, so the schema counted
// as changed (its files are new) and was loaded again; 3 `verify`: nothing changed, nothing written.
import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[0-9;]*m/, '')
assert !log.contains('at io.github.sodagql') && !log.contains('[ERROR]')
assert log.count('soda-gql: 1 document, 1 operation, 0 fragments, 0 errors, 0 warnings') == 3

// Run 2's explanation names the files the snapshot of run 1 had (in the reactor module's output folder) and
// the ones it has now (in the jar, named jar!/path).
['schema/schema.graphqls', 'schema/types/product.graphqls'].each { file ->
    assert log.contains("../api/target/classes/${file}") : "run 1 read ${file} from api/target/classes"
    assert log.contains("classpath-api-0.1.0-SNAPSHOT.jar!/${file}") : "run 2 read ${file} from api's jar"
}

// Run 3: an unchanged jar (or one repackaged with the same schema) is a no-op.
def report = new JsonSlurper().parse(new File(basedir, 'app/target/soda-gql/report.json'))
assert report.mode == 'incremental' : report.mode
assert report.counters.schemaParsed == 0
assert report.counters.filesWritten == 0
assert report.counts.errors == 0

// app's own code compiled against the generated classes, and both are in its jar; the schema is api's alone.
def jar = new ZipFile(new File(basedir, 'app/target/classpath-app-0.1.0-SNAPSHOT.jar'))
try {
    def names = jar.entries().toList()*.name
    assert names.contains('com/example/app/ProductNames.class')
    assert names.contains('com/example/app/graphql/ProductNamesQuery.class')
    assert !names.any { it.endsWith('.graphqls') }
} finally {
    jar.close()
}
def apiJar = new ZipFile(new File(basedir, 'api/target/classpath-api-0.1.0-SNAPSHOT.jar'))
try {
    assert apiJar.getEntry('schema/types/product.graphqls') != null
} finally {
    apiJar.close()
}
return true
