// Pre-build hook: turns this template into the README's quick start. Reads the repository's README.md
// (basedir is soda-gql-maven-plugin/target/it/quickstart, so the README is four levels up), extracts the
// code blocks marked <!-- quick-start-... -->, and writes them into the project.
def readme = new File(basedir, '../../../../README.md').canonicalFile
assert readme.isFile() : "README not found at $readme (basedir $basedir)"
def text = readme.text.replace('\r\n', '\n')

def block = { String name ->
    def m = text =~ /(?s)<!-- quick-start-${name}(?::[^>]*)?\s*-->\s*\n```[A-Za-z]*\n(.*?)\n```/
    assert m.find() : "README.md has no code block marked <!-- quick-start-${name} -->"
    m.group(1)
}
def pomBlock = block('pom')
def schema = block('schema')
def operation = block('operation')
def java = block('java')

// The POM: the README's plugin block, verbatim, in place of the marker comment.
def pomFile = new File(basedir, 'pom.xml')
def pom = pomFile.text
def marker = '<!-- quick-start-pom -->'
assert pom.contains(marker)
def expectedVersion = (pom =~ /<soda-gql.version-under-test>([^<]+)</)[0][1]
assert pomBlock.contains("<version>${expectedVersion}</version>") :
        "The README's quick start must name the plugin version under test (${expectedVersion}):\n${pomBlock}"
pom = pom.replace(marker, pomBlock.readLines().join('\n      '))
// The README's properties (the compiler's incremental mode), inside this POM's own <properties>.
def properties = block('properties').replaceAll(/(?s)^\s*<properties>\s*\n?/, '').replaceAll(/(?s)\s*<\/properties>\s*$/, '')
def propertiesMarker = '<!-- quick-start-properties -->'
assert pom.contains(propertiesMarker)
pomFile.text = pom.replace(propertiesMarker, properties.readLines().collect { it.trim() }.join('\n    '))

// The schema and the operation, where the README says to put them.
def graphql = new File(basedir, 'src/main/graphql')
graphql.mkdirs()
new File(graphql, 'schema.graphqls').text = schema + '\n'
new File(graphql, 'hello.graphql').text = operation + '\n'

// The Java snippet, split where it leaves sending the request to the reader.
def lines = java.readLines()
int send = lines.findIndexOf { it.trim().startsWith('// ...') }
assert send >= 0 : "The README's Java snippet no longer has its '// ... send ...' line:\n${java}"
def indent = { List<String> part -> part.collect { '        ' + it }.join('\n') }
def test = new File(basedir, 'QuickStartTest.java.template').text
        .replace('/*QUICK-START-JAVA-BEFORE-SEND*/', indent(lines[0..send]))
        .replace('/*QUICK-START-JAVA-AFTER-SEND*/', indent(lines[(send + 1)..-1]))
def testDir = new File(basedir, 'src/test/java/com/example')
testDir.mkdirs()
new File(testDir, 'QuickStartTest.java').text = test
println "setup.groovy: quick start from ${readme}"
return true
