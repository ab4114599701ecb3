// Post-build check: two executions of `generate` in one module, across repeated and incremental builds. The
// invoker build (compile) was the first; this script runs further `mvn compile` builds of the same directory
// as child Maven processes (same Maven, local repository and settings as the invoker) and checks, for each
// execution, its summary line, its report.json, its outputs and its classpath artifact.
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

def base = (basedir as File).canonicalFile
def executions = [
    default: [pkg: 'com/example/shop', sources: 'target/generated-sources/soda-gql', state: 'target/soda-gql',
              classpath: 'META-INF/soda-gql/operations.json', documents: 'src/main/graphql'],
    admin  : [pkg: 'com/example/admin', sources: 'target/generated-sources/soda-gql-admin', state: 'target/soda-gql-admin',
              classpath: 'META-INF/soda-gql/admin/operations.json', documents: 'src/admin/graphql'],
]

// ---- Running Maven (as incremental-app's verify.groovy does) --------------------------------------------
def windows = System.getProperty('os.name').toLowerCase(Locale.ROOT).contains('win')
def mvnName = windows ? 'mvn.cmd' : 'mvn'
def mavenHome = System.getProperty('maven.home') ?: System.getenv('MAVEN_HOME') ?: System.getenv('M2_HOME')
def mvnFile = mavenHome ? new File(mavenHome, "bin/${mvnName}") : null
def mvn = mvnFile?.isFile() ? mvnFile.absolutePath : mvnName
def settings = [new File(base, '../interpolated-settings.xml'), new File(base, '../../../src/it/settings.xml')]
        .collect { it.canonicalFile }.find { it.isFile() }
assert settings : "no settings file next to ${base} or in src/it"
def repo = new File(localRepositoryPath as String).canonicalFile

def stripAnsi = { String s -> s.replaceAll(/\u001B\[[0-9;]*[A-Za-z]/, '') }
def assertClean = { String log, String step ->
    def frame = log.readLines().find { it ==~ /\s*at [\w$.]+\(.*\)\s*/ || it.contains('Exception in thread') }
    assert frame == null : "${step}: stack trace in the output: ${frame}"
    assert !log.contains('[ERROR]') : "${step}: [ERROR] in the output"
    assert log.contains('BUILD SUCCESS') : "${step}: the build failed"
}
// Each execution's summary line, found under its own "--- soda-gql:…:generate (<id>) @ …" header.
def summaries = { String log, String step ->
    def found = [:]
    String current = null
    log.readLines().each { line ->
        def header = line =~ /--- soda-gql[\w-]*:[^:]+:generate \(([^)]+)\) @/
        if (header.find()) {
            current = header.group(1)
        } else if (line =~ /^\[[A-Z]+\] --- /) {
            current = null
        }
        def m = line =~ /soda-gql: (\d+) documents?, (\d+) operations?, (\d+) fragments?, (\d+) errors?, (\d+) warnings? -> (\d+) files? \((\d+) written, (\d+) unchanged, (\d+) deleted\) in \d+ ms \[([^\]]+)\]\s*$/
        if (m.find()) {
            assert current != null : "${step}: a summary line outside a soda-gql execution: ${line}"
            assert !found.containsKey(current) : "${step}: two summary lines for execution ${current}"
            found[current] = [line: line, documents: m.group(1) as int, operations: m.group(2) as int,
                              errors: m.group(4) as int, files: m.group(6) as int, written: m.group(7) as int,
                              unchanged: m.group(8) as int, deleted: m.group(9) as int, mode: m.group(10)]
        }
    }
    assert found.keySet() == executions.keySet() : "${step}: summary lines for ${found.keySet()}"
    found
}

int runs = 0
def build = { String step ->
    def logFile = new File(base, "executions-${++runs}-${step}.log")
    def cmd = [mvn, '-o', '-B', '-Dstyle.color=never', '-s', settings.path, "-Dmaven.repo.local=${repo.path}".toString(),
               '-Daether.offline.protocols=file', '-f', new File(base, 'pom.xml').path, 'compile']
    def pb = new ProcessBuilder(cmd).directory(base).redirectErrorStream(true).redirectOutput(logFile)
    pb.environment().put('MAVEN_OPTS', ((System.getenv('MAVEN_OPTS') ?: '') + ' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC').trim())
    def process = pb.start()
    process.outputStream.close()
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly()
        assert false : "${step}: mvn compile timed out; see ${logFile}"
    }
    def log = stripAnsi(logFile.text)
    assert process.exitValue() == 0 : "${step}: mvn compile exited with ${process.exitValue()}:\n${log}"
    assertClean(log, step)
    def found = summaries(log, step)
    found.each { id, s -> println "verify.groovy: ${step} ${id}: ${s.line.replaceFirst(/^.*?soda-gql: /, '')}" }
    found
}

def report = { String id -> new JsonSlurper().parse(new File(base, executions[id].state + '/report.json')) }
def operationsOnClasspath = { String id ->
    def file = new File(base, 'target/classes/' + executions[id].classpath)
    assert file.isFile() : "${id}: no ${executions[id].classpath} in target/classes"
    new JsonSlurper().parse(file).operations*.name.sort()
}
// Both executions' outputs are all there, each only in its own folders.
def assertBoth = { Map expectedOperations, String step ->
    executions.each { id, e ->
        def classes = new File(base, "target/classes/${e.pkg}")
        expectedOperations[id].each { op ->
            assert new File(base, "${e.sources}/${e.pkg}/${op}Query.java").isFile() : "${step}: ${id} lost ${op}Query.java"
            assert new File(classes, "${op}Query.class").isFile() : "${step}: ${id}'s ${op}Query was not compiled"
        }
        assert operationsOnClasspath(id) == expectedOperations[id].sort() : "${step}: ${id}'s classpath artifact"
        assert new File(base, "${e.state}/artifact.json").text == new File(base, "target/generated-resources/" +
                (id == 'default' ? 'soda-gql' : "soda-gql-${id}") + "/${e.classpath}").text
    }
    // Nothing of one execution in the other's folders.
    assert !new File(base, 'target/generated-sources/soda-gql/com/example/admin').exists()
    assert !new File(base, 'target/generated-sources/soda-gql-admin/com/example/shop').exists()
}

// ---- 1. The invoker build: both executions build everything ---------------------------------------------
def first = stripAnsi(new File(base, 'build.log').text)
assertClean(first, 'first')
summaries(first, 'first').each { id, s ->
    assert s.mode == 'full: no snapshot' && s.errors == 0 && s.written == s.files : "first ${id}: ${s.line}"
}
assertBoth([default: ['ProductList'], admin: ['UserList']], 'first')

// ---- 2. The same build again: neither execution sees a changed configuration ------------------------------
def again = build('again')
again.each { id, s ->
    assert s.mode == 'incremental' && s.written == 0 && s.deleted == 0 && s.errors == 0 : "again ${id}: ${s.line}"
    assert report(id).counters.filesParsed == 0
}
assertBoth([default: ['ProductList'], admin: ['UserList']], 'again')

// ---- 3. A new document in the shop: only the shop writes -------------------------------------------------
new File(base, 'src/main/graphql/prices.graphql').text = 'query ProductPrices {\n  products {\n    id\n    priceCents\n  }\n}\n'
def shopEdit = build('shop-edit')
assert shopEdit.default.mode == 'incremental' && shopEdit.default.documents == 2 && shopEdit.default.written >= 1
assert report('default').counters.filesParsed == 1
assert shopEdit.admin.mode == 'incremental' && shopEdit.admin.written == 0 && shopEdit.admin.deleted == 0
assert report('admin').counters.filesParsed == 0
assertBoth([default: ['ProductList', 'ProductPrices'], admin: ['UserList']], 'shop-edit')

// ---- 4. An edited document in admin: only admin writes ---------------------------------------------------
def users = new File(base, 'src/admin/graphql/users.graphql')
def usersMtime = users.lastModified()
Thread.sleep(1100)
users.text = users.text.replace('    email\n', '    email\n    admin\n')
if (users.lastModified() == usersMtime) users.setLastModified(usersMtime + 2000)
def adminEdit = build('admin-edit')
assert adminEdit.admin.mode == 'incremental' && adminEdit.admin.written >= 1 && adminEdit.admin.deleted == 0
assert report('admin').counters.filesParsed == 1
assert adminEdit.default.mode == 'incremental' && adminEdit.default.written == 0 && adminEdit.default.deleted == 0
assert new File(base, 'target/generated-sources/soda-gql-admin/com/example/admin/UserListQuery.java').text.contains('admin')
assertBoth([default: ['ProductList', 'ProductPrices'], admin: ['UserList']], 'admin-edit')

// ---- 5. A deleted document in the shop: only its outputs go ----------------------------------------------
assert new File(base, 'src/main/graphql/prices.graphql').delete()
def shopDelete = build('shop-delete')
assert shopDelete.default.mode == 'incremental' && shopDelete.default.deleted >= 1 && shopDelete.default.documents == 1
assert shopDelete.admin.mode == 'incremental' && shopDelete.admin.written == 0 && shopDelete.admin.deleted == 0
assert !new File(base, 'target/generated-sources/soda-gql/com/example/shop/ProductPricesQuery.java').exists()
assertBoth([default: ['ProductList'], admin: ['UserList']], 'shop-delete')
return true
