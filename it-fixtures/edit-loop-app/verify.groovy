// Post-build check: the edit loop with the README's compiler setting, by real `mvn compile` runs one after
// another. The invoker build was the cold one; each further build is a child Maven process with the same Maven,
// local repository and settings. Checks the compiler's counts ("Compiling N source files"), which classes javac
// wrote again (by mtime), and that an edit breaking the user's code fails in the user's class.
import java.nio.file.Files
import java.util.concurrent.TimeUnit

def base = (basedir as File).canonicalFile
def generatedDir = new File(base, 'target/generated-sources/soda-gql')
def userDir = new File(base, 'src/main/java')
def classesDir = new File(base, 'target/classes')
def graphql = new File(base, 'src/main/graphql')

// ---- Running Maven (as incremental-app does) -------------------------------------------------------------
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

int runs = 0
def build = { String step, boolean mayFail = false ->
    def logFile = new File(base, "edit-loop-${++runs}-${step}.log")
    def cmd = [mvn, '-o', '-B', '-Dstyle.color=never', '-s', settings.path, "-Dmaven.repo.local=${repo.path}".toString(),
               '-Daether.offline.protocols=file', '-f', new File(base, 'pom.xml').path, 'compile']
    def pb = new ProcessBuilder(cmd).directory(base).redirectErrorStream(true).redirectOutput(logFile)
    pb.environment().put('MAVEN_OPTS', ((System.getenv('MAVEN_OPTS') ?: '') + ' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC').trim())
    def process = pb.start()
    process.outputStream.close()
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
        process.destroyForcibly()
        assert false : "${step}: mvn compile timed out; see ${logFile}"
    }
    def log = stripAnsi(logFile.text)
    assert (process.exitValue() == 0) != mayFail : "${step}: mvn compile exited with ${process.exitValue()}:\n${log}"
    assert !log.readLines().any { it ==~ /\s*at [\w$.]+\(.*\)\s*/ } : "${step}: stack trace in the output"
    log
}
// The main compilation's count: "Compiling N source files with javac [...] to target/classes".
def compiledCount = { String log, String step ->
    def counts = log.readLines().findAll { it.contains('Compiling ') && it.contains(' to target/classes') }.collect {
        def m = it =~ /Compiling (\d+) source files? with javac/
        assert m.find() : "${step}: unexpected compiler line ${it}"
        m.group(1) as int
    }
    assert counts.size() <= 1 : "${step}: ${counts}"
    counts ? counts[0] : 0
}

// ---- Sources, classes and their mtimes -------------------------------------------------------------------
def javaFiles = { File root ->
    def found = [:]
    if (root.isDirectory()) {
        root.eachFileRecurse(groovy.io.FileType.FILES) {
            if (it.name.endsWith('.java')) found[root.toPath().relativize(it.toPath()).toString().replace('\\', '/')] = it
        }
    }
    found
}
def sources = { -> javaFiles(generatedDir) + javaFiles(userDir) }
def mtimes = { Map<String, File> files -> files.collectEntries { k, v -> [(k): Files.getLastModifiedTime(v.toPath()).toMillis()] } }
// The class javac writes for each source (the compiler's own mapping), by source path.
def classMtimes = { -> sources().keySet().collectEntries { s ->
    def c = new File(classesDir, s.replaceAll(/\.java$/, '.class'))
    [(s): c.isFile() ? Files.getLastModifiedTime(c.toPath()).toMillis() : -1L]
} }
def simpleName = { String source -> source.replaceAll(/^.*\//, '').replaceAll(/\.java$/, '') }
def identifiers = { File f -> (f.text =~ /[A-Za-z_$][A-Za-z0-9_$]*/).collect { it } as Set }
// What must compile after generated sources changed: the changed ones, every source that names a changed type,
// and, through compile-time constants copied into other classes, every source naming one of those that
// declares constants. The same rule as the plugin's, on the source text (generated code names what it uses).
def mustCompile = { Set<String> changed ->
    def all = sources()
    def result = new TreeSet<String>(changed)
    def names = changed.collect { simpleName(it) } as Set
    while (!names.isEmpty()) {
        def next = [] as Set
        all.each { s, f ->
            if (!result.contains(s) && !identifiers(f).intersect(names).isEmpty()) {
                result << s
                if (f.text =~ /public static final \w+ [A-Z_]+ =/) next << simpleName(s)
            }
        }
        names = next
    }
    result
}
def pause = { -> Thread.sleep(1100) }

// ---- 1. Cold: the invoker build compiled everything --------------------------------------------------------
def coldLog = stripAnsi(new File(base, 'build.log').text)
def generatedCount = javaFiles(generatedDir).size()
assert generatedCount > 20
def cold = compiledCount(coldLog, 'cold')
assert cold == generatedCount + 3 : "cold: compiled ${cold}, expected ${generatedCount} generated + 3 user sources"
println "verify.groovy: cold compiled ${cold} sources"

// ---- 2. No-op: nothing to compile ------------------------------------------------------------------------
pause()
def noopLog = build('noop')
assert compiledCount(noopLog, 'noop') == 0
assert noopLog.contains('Nothing to compile - all classes are up to date.')

// ---- 3. One leaf fragment edited: what uses it compiles, nothing else -------------------------------------
def review = new File(graphql, 'entities/review.graphql')
def header = 'fragment RatingBreakdown on RatingSummary {'
def reviewText = review.text
assert reviewText.contains(header)
def sourcesBefore = mtimes(sources())
def classesBefore = classMtimes()
pause()
review.text = reviewText.replace(header, header + '\n  ratingAlias: __typename')
def editLog = build('edit-leaf-fragment')
def rewritten = mtimes(sources()).findAll { k, v -> sourcesBefore[k] != v }.keySet() as Set
assert !rewritten.isEmpty() && rewritten.every { it.startsWith('com/example/loop/graphql/') }
def expected = mustCompile(rewritten)
def recompiled = classMtimes().findAll { k, v -> classesBefore[k] != v }.keySet() as Set
println "verify.groovy: RatingBreakdown edit: ${rewritten.size()} sources rewritten, ${recompiled.size()} compiled: ${recompiled}"
assert recompiled == expected : "compiled ${recompiled - expected} beyond ${expected}, or missed ${expected - recompiled}"
assert compiledCount(editLog, 'edit') == expected.size()
assert expected.size() * 4 < cold : "a leaf fragment edit compiled ${expected.size()} of ${cold} sources"
['com/example/loop/BrandLine.java', 'com/example/loop/BrandPageLink.java', 'com/example/loop/Greeting.java'].each {
    assert !recompiled.contains(it) : "${it} does not use RatingBreakdown but was compiled again"
}
// The no-op build found classes and no index of them, and read them all once; the edit then read none.
def classesRead = { String log, String step ->
    def m = log =~ /soda-gql: \d+ changed sources?; .* \((\d+) classes read\)/
    assert m.find() : "${step}: no stale-class check line"
    m.group(1) as int
}
assert classesRead(editLog, 'edit') == 0 : 'the edit read class files although the index stands for all of them'
def classCount = { -> def n = 0; classesDir.eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.class')) n++ }; n }

// ---- 4. An edit removes an accessor BrandLine reads: the build fails in BrandLine --------------------------
def brand = new File(graphql, 'entities/brand.graphql')
def brandText = brand.text
assert brandText.contains('  slug\n')
pause()
brand.text = brandText.replaceFirst('  slug\n', '')
def breakLog = build('break-accessor', true)
def errors = breakLog.readLines().findAll { it.startsWith('[ERROR] ') && it.contains('.java:[') }
assert !errors.isEmpty() : "no compiler error:\n${breakLog}"
assert errors.every { it.contains('src/main/java/com/example/loop/BrandLine.java:[') } : "errors outside BrandLine: ${errors}"
assert breakLog.contains('symbol:   method slug()')
// Only the classes javac wrote in the edit's build were read again.
def breakRead = classesRead(breakLog, 'break-accessor')
assert breakRead > 0 && breakRead < classCount() / 2 : "the breaking edit read ${breakRead} of ${classCount()} classes"

// ---- 5. The fix: builds again, BrandLine compiled with it --------------------------------------------------
pause()
brand.text = brandText
// BrandBadge is spread by many operations: the fix compiles them and BrandLine (its class was made stale).
def fixLog = build('fix-accessor')
assert compiledCount(fixLog, 'fix') < cold
def brandLineClass = new File(classesDir, 'com/example/loop/BrandLine.class')
assert brandLineClass.lastModified() > System.currentTimeMillis() - 600_000 : 'BrandLine was not compiled again'

// ---- 6. A document deleted: its classes go, and the class that inlined its constants fails -----------------
pause()
assert new File(graphql, 'pages/brand.graphql').delete()
def removeLog = build('remove-document', true)
assert !new File(generatedDir, 'com/example/loop/graphql/BrandPageQuery.java').exists()
assert !new File(classesDir, 'com/example/loop/graphql/BrandPageQuery.class').exists() : 'the removed query\'s class is still there'
def removeErrors = removeLog.readLines().findAll { it.startsWith('[ERROR] ') && it.contains('.java:[') }
assert !removeErrors.isEmpty() && removeErrors.every { it.contains('src/main/java/com/example/loop/BrandPageLink.java:[') } :
        "expected errors in BrandPageLink only: ${removeErrors}"
return true
