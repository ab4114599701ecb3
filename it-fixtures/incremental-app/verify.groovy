// Post-build check: incremental builds across real `mvn` runs. The invoker build (generate-sources) was the
// cold build; this script runs further builds of the same directory as child Maven processes, with the same
// Maven, local repository and settings as the invoker, and checks each one's summary line, report.json and
// which generated files were (re)written, by their mtimes.
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.util.concurrent.TimeUnit

def base = (basedir as File).canonicalFile
def pkg = 'com/example/incremental'
def sourcesDir = new File(base, 'target/generated-sources/soda-gql')
def resourcesDir = new File(base, 'target/generated-resources/soda-gql')
def stateDir = new File(base, 'target/soda-gql')
def graphql = new File(base, 'src/main/graphql')

// ---- Running Maven -------------------------------------------------------------------------------------
def windows = System.getProperty('os.name').toLowerCase(Locale.ROOT).contains('win')
def mvnName = windows ? 'mvn.cmd' : 'mvn'
def mavenHome = System.getProperty('maven.home') ?: System.getenv('MAVEN_HOME') ?: System.getenv('M2_HOME')
def mvnFile = mavenHome ? new File(mavenHome, "bin/${mvnName}") : null
def mvn = mvnFile?.isFile() ? mvnFile.absolutePath : mvnName
// The invoker writes the settings, with @localRepositoryUrl@ filled in, next to the cloned projects while the
// scripts run; the source template is the fallback (enough offline: the repository ids are what matter).
def settings = [new File(base, '../interpolated-settings.xml'), new File(base, '../../../src/it/settings.xml')]
        .collect { it.canonicalFile }.find { it.isFile() }
assert settings : "no settings file next to ${base} or in src/it"
def repo = new File(localRepositoryPath as String).canonicalFile
println "verify.groovy: mvn=${mvn}, settings=${settings}, repo=${repo}"

def stripAnsi = { String s -> s.replaceAll(/\u001B\[[0-9;]*[A-Za-z]/, '') }
def assertNoStackTrace = { String log, String step ->
    def frame = log.readLines().find { it ==~ /\s*at [\w$.]+\(.*\)\s*/ || it.contains('Exception in thread') }
    assert frame == null : "${step}: stack trace in the output: ${frame}"
    assert !log.contains('[ERROR]') : "${step}: [ERROR] in the output"
}
// The one summary line of a run, parsed.
def summaryOf = { String log, String step ->
    def lines = log.readLines().findAll { it.contains('soda-gql: ') && it.contains(' files (') }
    assert lines.size() == 1 : "${step}: expected one soda-gql summary line, got ${lines}"
    def m = lines[0] =~ /soda-gql: (\d+) documents?, (\d+) operations?, (\d+) fragments?, (\d+) errors?, (\d+) warnings? -> (\d+) files? \((\d+) written, (\d+) unchanged, (\d+) deleted\) in \d+ ms \[([^\]]+)\]\s*$/
    assert m.find() : "${step}: unexpected summary line: ${lines[0]}"
    [line: lines[0], documents: m.group(1) as int, operations: m.group(2) as int, fragments: m.group(3) as int,
     errors: m.group(4) as int, warnings: m.group(5) as int, files: m.group(6) as int, written: m.group(7) as int,
     unchanged: m.group(8) as int, deleted: m.group(9) as int, mode: m.group(10)]
}
def report = { -> new JsonSlurper().parse(new File(stateDir, 'report.json')) }

int runs = 0
def build = { String step, List<String> goals, boolean mayFail = false ->
    def logFile = new File(base, "incremental-${++runs}-${step}.log")
    def cmd = [mvn, '-o', '-B', '-Dstyle.color=never', '-s', settings.path, "-Dmaven.repo.local=${repo.path}".toString(),
               // Offline, but file: repositories (the invoker's local.central, i.e. the developer's repository)
               // still resolve: step 6 needs maven-clean-plugin 3.4.0, the version the root POM pins.
               '-Daether.offline.protocols=file', '-f', new File(base, 'pom.xml').path] + goals
    long started = System.nanoTime()
    def pb = new ProcessBuilder(cmd).directory(base).redirectErrorStream(true).redirectOutput(logFile)
    // Short-lived JVMs: C1 only and the serial collector about halve the time of each build.
    pb.environment().put('MAVEN_OPTS', ((System.getenv('MAVEN_OPTS') ?: '') + ' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC').trim())
    def process = pb.start()
    process.outputStream.close()
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly()
        assert false : "${step}: mvn ${goals} timed out; see ${logFile}"
    }
    def log = stripAnsi(logFile.text)
    assert (process.exitValue() == 0) != mayFail : "${step}: mvn ${goals} exited with ${process.exitValue()}:\n${log}"
    if (!mayFail) {
        assertNoStackTrace(log, step)
    }
    def summary = summaryOf(log, step)
    println "verify.groovy: ${step} (mvn ${goals.join(' ')}, ${(System.nanoTime() - started).intdiv(1000000)} ms): ${summary.line.replaceFirst(/^.*?soda-gql: /, '')}"
    [log: log, summary: summary]
}

// ---- Generated files and their mtimes ------------------------------------------------------------------
// Everything a build writes: the generated sources, the classpath copy of the artifact (written by the goal)
// and the artifact itself in the state directory (which the summary counts among its files).
def generatedFiles = { ->
    def found = [sourcesDir, resourcesDir].findAll { it.isDirectory() }.collectMany { root ->
        def files = []
        root.eachFileRecurse(groovy.io.FileType.FILES) { files << it }
        files
    }
    def artifact = new File(stateDir, 'artifact.json')
    artifact.isFile() ? found + [artifact] : found
}
def mtimes = { -> generatedFiles().collectEntries { [(base.toPath().relativize(it.toPath()).toString().replace('\\', '/')): Files.getLastModifiedTime(it.toPath())] } }
def changedBetween = { Map before, Map after -> after.keySet().findAll { before.containsKey(it) && before[it] != after[it] } as Set }
def src = { String cls -> "target/generated-sources/soda-gql/${pkg}/${cls}.java".toString() }
def operationsJson = 'target/generated-resources/soda-gql/META-INF/soda-gql/operations.json'
def artifactJson = 'target/soda-gql/artifact.json'
def kindSuffix = [query: 'Query', mutation: 'Mutation', subscription: 'Subscription']

// ---- 1. Cold: the invoker build ------------------------------------------------------------------------
def coldLog = stripAnsi(new File(base, 'build.log').text)
assertNoStackTrace(coldLog, 'cold')
def cold = summaryOf(coldLog, 'cold')
assert cold.mode == 'full: no snapshot'
assert cold.documents == 19 && cold.operations == 16 && cold.fragments == 21 && cold.errors == 0 && cold.warnings == 0
assert cold.written == cold.files && cold.unchanged == 0 && cold.deleted == 0
assert new File(stateDir, 'snapshot.bin').isFile()
def coldFiles = mtimes()
assert coldFiles.size() == cold.files + 1 : "summary says ${cold.files} files (with artifact.json), found ${coldFiles.size()} + operations.json"
['SearchResultsQuery', 'BrandBadge', 'BrandPageQuery', 'CartView', 'Operations', 'StockStatus'].each {
    assert coldFiles.containsKey(src(it)) : "cold build did not generate ${it}.java"
}
assert coldFiles.containsKey(operationsJson) && coldFiles.containsKey(artifactJson)
assert report().counters.filesParsed == 19

// ---- 2. No-op: nothing changed, nothing parsed, nothing touched ----------------------------------------
def before = mtimes()
Thread.sleep(1100)
def noop = build('noop', ['generate-sources']).summary
assert noop.mode == 'incremental'
assert noop.written == 0 && noop.deleted == 0 && noop.unchanged == noop.files && noop.files == cold.files
def noopReport = report()
assert noopReport.mode == 'incremental'
assert noopReport.counters.filesParsed == 0
assert noopReport.counters.filesWritten == 0
assert noopReport.counters.operationsValidated == 0
assert noopReport.counters.statHits == 19
def after = mtimes()
assert after.keySet() == before.keySet() : "file set changed: ${(before.keySet() - after.keySet()) + (after.keySet() - before.keySet())}"
assert changedBetween(before, after).isEmpty() : "the no-op build touched ${changedBetween(before, after)}"

// ---- 3. Edit one fragment: exactly its dependents are rewritten ----------------------------------------
def artifactOps = { -> new JsonSlurper().parse(new File(stateDir, 'artifact.json')).operations }
def dependents = artifactOps().findAll { 'BrandBadge' in it.fragments }.collect { it.name + kindSuffix[it.kind] } as Set
assert dependents.size() >= 2 && 'SearchResultsQuery' in dependents && 'BrandPageQuery' in dependents && !('AccountPageQuery' in dependents)
def brand = new File(graphql, 'entities/brand.graphql')
def brandText = brand.text
def header = 'fragment BrandBadge on Brand {'
assert brandText.contains(header)
before = mtimes()
def brandMtime = brand.lastModified()
Thread.sleep(1100)
brand.text = brandText.replace(header, header + '\n  extraTypename: __typename')
if (brand.lastModified() == brandMtime) brand.setLastModified(brandMtime + 2000)
assert brand.lastModified() != brandMtime
def editRun = build('edit-fragment', ['generate-sources', '-Dsoda-gql.explain'])
def edit = editRun.summary
assert edit.mode == 'incremental'
assert edit.errors == 0 && edit.deleted == 0
after = mtimes()
assert after.keySet() == before.keySet() : "file set changed: ${(before.keySet() - after.keySet()) + (after.keySet() - before.keySet())}"
def changed = changedBetween(before, after)
println "verify.groovy: BrandBadge edit rewrote ${changed.sort()} (dependents ${dependents.sort()})"
// The artifact after the edit must agree on who uses BrandBadge.
assert (artifactOps().findAll { 'BrandBadge' in it.fragments }.collect { it.name + kindSuffix[it.kind] } as Set) == dependents
def expected = dependents.collect { src(it) } as Set
// The fragment's own record, and the artifact (its documents changed) with its classpath copy.
def allowed = expected + [src('BrandBadge'), artifactJson, operationsJson]
assert changed.containsAll(expected) : "not rewritten: ${expected - changed}"
assert allowed.containsAll(changed) : "rewritten but not dependents of BrandBadge: ${changed - allowed}"
assert artifactJson in changed && operationsJson in changed : 'the artifact did not follow the edit'
assert edit.written == (changed - operationsJson).size() : "summary says ${edit.written} written, but these changed: ${changed}"
assert new File(base, src('BrandBadge')).text.contains('extraTypename')
def editReport = report()
assert editReport.counters.filesParsed == 1
assert editReport.counters.operationsValidated == dependents.size()
// -Dsoda-gql.explain: the changed input, and each dependent with the chain of spreads that reached it.
assert editRun.log.contains('[INFO]   src/main/graphql/entities/brand.graphql: updated (size/mtime moved and hash differs)')
assert editRun.log.contains('[INFO]   SearchResults <- spreads BrandBadge (src/main/graphql/entities/brand.graphql, updated) [validated, generated]')
def rebuiltOperations = editReport.explain.rebuilt.findAll { it.kind == 'operation' }.collect { it.definition.replaceFirst(/^.*::/, '') } as Set
assert rebuiltOperations == (artifactOps().findAll { 'BrandBadge' in it.fragments }.collect { it.name } as Set)
assert editReport.explain.changes*.input == ['src/main/graphql/entities/brand.graphql']

// ---- 3b. -Dsoda-gql.full: an untouched project matches a clean build; a hand-edited output is found -----
def fullOk = build('full-check', ['generate-sources', '-Dsoda-gql.full']).summary
assert fullOk.mode == 'full: requested' && fullOk.errors == 0 && fullOk.written == 0
def victim = new File(base, src('CartView'))
def victimText = victim.text
victim.text = '// edited by hand\n' + victimText
def fullBad = build('full-check-corrupted', ['generate-sources', '-Dsoda-gql.full'], true)
def mismatches = fullBad.log.readLines().findAll { it.startsWith('[ERROR] [INCREMENTAL_MISMATCH]') }
assert mismatches.size() == 1 && mismatches[0].contains(src('CartView')) : "expected one mismatch naming CartView.java: ${mismatches}"
assert victim.text == victimText : 'the full build did not restore the edited output'
assert fullBad.summary.errors == 1 && fullBad.summary.mode == 'full: requested'
assert !fullBad.log.readLines().any { it ==~ /\s*at [\w$.]+\(.*\)\s*/ } : 'stack trace in the output'

// ---- 4. Delete a document: its outputs go ----------------------------------------------------------
def search = new File(graphql, 'pages/search.graphql')
assert search.delete()
before = mtimes()
def del = build('delete-document', ['generate-sources']).summary
assert del.mode == 'incremental'
assert del.documents == 18 && del.operations == 15 && del.errors == 0
assert del.deleted >= 1
assert !new File(base, src('SearchResultsQuery')).exists()
after = mtimes()
assert !after.containsKey(src('SearchResultsQuery'))
assert (before.keySet() - after.keySet()).size() == del.deleted : "deleted ${before.keySet() - after.keySet()}"
assert after.size() == before.size() - del.deleted
assert report().counters.filesDeleted == del.deleted
assert !new File(base, operationsJson).text.contains('SearchResults')

// ---- 5. Corrupt snapshot: one warning, a full build, success -----------------------------------------
def snapshot = new File(stateDir, 'snapshot.bin')
assert snapshot.isFile()
snapshot.bytes = 'this is not a soda-gql snapshot \u0000\u00ff garbage'.getBytes('ISO-8859-1')
before = mtimes()
def corrupt = build('corrupt-snapshot', ['generate-sources'])
def warnings = corrupt.log.readLines().findAll { it.startsWith('[WARNING] soda-gql: ignoring the snapshot') }
assert warnings.size() == 1 : "expected one 'ignoring the snapshot' warning, got ${warnings}"
assert warnings[0].contains('building everything')
assert corrupt.summary.mode == 'full: snapshot unusable'
assert corrupt.summary.errors == 0 && corrupt.summary.deleted == 0
after = mtimes()
assert after.keySet() == before.keySet()
// Everything was rebuilt, to the same bytes: nothing is rewritten.
assert corrupt.summary.written == 0 && changedBetween(before, after).isEmpty()
assert corrupt.summary.files == before.size() - 1   // all but operations.json
assert report().mode == 'full: snapshot unusable'
assert report().counters.filesParsed == 18

// ---- 6. mvn clean generate-sources: everything again -------------------------------------------------
def clean = build('clean', ['clean', 'generate-sources']).summary
assert clean.mode == 'full: no snapshot'
assert clean.documents == 18 && clean.operations == 15 && clean.errors == 0
assert clean.written == clean.files && clean.unchanged == 0 && clean.deleted == 0
assert mtimes().keySet() == before.keySet() : 'clean build generated a different set of files'
assert clean.files == before.size() - 1
assert new File(base, src('BrandBadge')).text.contains('extraTypename')
assert report().counters.filesParsed == 18
return true
