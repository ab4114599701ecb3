// Post-build check: the README's quick start generated HelloQuery, compiled, and its snippet ran.
def pom = new File(basedir, 'pom.xml').text
assert !pom.contains('<!-- quick-start-pom -->') && !pom.contains('<!-- quick-start-properties -->') && pom.contains('<artifactId>soda-gql-maven-plugin</artifactId>')
assert new File(basedir, 'target/generated-sources/soda-gql/com/example/graphql/HelloQuery.java').isFile()
assert new File(basedir, 'target/classes/com/example/graphql/HelloQuery.class').isFile()
assert new File(basedir, 'target/test-classes/com/example/QuickStartTest.class').isFile()
def log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[0-9;]*m/, '')
assert log.contains('soda-gql: 1 document, 1 operation, 0 fragments, 0 errors, 0 warnings')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
// The snippet's System.out.println, as surefire echoes it.
assert log.readLines().contains('Hello, World!')
assert !log.contains('at io.github.sodagql') && !log.contains('[ERROR]')
return true
