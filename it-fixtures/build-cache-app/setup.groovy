// Pre-build: the build cache extension needs Maven 3.9 or newer, and the machine's Maven may be older. Fetch the
// pinned Maven distribution (a Maven Central artifact) through the invoker's own Maven, settings and local
// repository, and unpack it under target/; verify.groovy runs every cached build with it.
import java.util.concurrent.TimeUnit

def base = (basedir as File).canonicalFile
def version = '3.9.11'
def home = new File(base, "target/apache-maven-${version}")
if (new File(home, 'bin/mvn').isFile()) {
    return true
}
def windows = System.getProperty('os.name').toLowerCase(Locale.ROOT).contains('win')
def mavenHome = System.getProperty('maven.home') ?: System.getenv('MAVEN_HOME') ?: System.getenv('M2_HOME')
def mvnFile = mavenHome ? new File(mavenHome, "bin/${windows ? 'mvn.cmd' : 'mvn'}") : null
def mvn = mvnFile?.isFile() ? mvnFile.absolutePath : (windows ? 'mvn.cmd' : 'mvn')
def settings = [new File(base, '../interpolated-settings.xml'), new File(base, '../../../src/it/settings.xml')]
        .collect { it.canonicalFile }.find { it.isFile() }
def repo = new File(localRepositoryPath as String).canonicalFile
def download = new File(base, 'target/maven-download')
download.mkdirs()

def run = { List<String> cmd, File log ->
    def process = new ProcessBuilder(cmd).directory(base).redirectErrorStream(true).redirectOutput(log).start()
    process.outputStream.close()
    assert process.waitFor(300, TimeUnit.SECONDS) : "timed out: ${cmd}"
    assert process.exitValue() == 0 : "${cmd} failed:\n${log.text}"
}
run([mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=${repo.path}".toString(),
     'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy',
     "-Dartifact=org.apache.maven:apache-maven:${version}:tar.gz:bin".toString(),
     "-DoutputDirectory=${download.path}".toString()], new File(base, 'maven-download.log'))
def archive = new File(download, "apache-maven-${version}-bin.tar.gz")
assert archive.isFile() : "no ${archive}"
run(['tar', 'xzf', archive.path, '-C', new File(base, 'target').path], new File(base, 'maven-unpack.log'))
assert new File(home, 'bin/mvn').isFile()
new File(home, 'bin/mvn').setExecutable(true)
return true
