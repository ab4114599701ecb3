// Post-build check: the goal ran, generated typed sources and put the artifact on the classpath,
// and the project's own JUnit tests (src/test/java) ran against a real graphql-java engine.
def generated = new File(basedir, 'target/generated-sources/soda-gql/com/example/medium/graphql')
assert new File(generated, 'CatalogPageQuery.java').isFile()
assert new File(generated, 'CreateOrderMutation.java').isFile()
assert new File(generated, 'OrderStatusChangedSubscription.java').isFile()
assert new File(generated, 'ProductCard.java').isFile()
assert new File(generated, 'ProductFilter.java').isFile()
assert new File(generated, 'OrderStatus.java').isFile()
assert new File(basedir, 'target/classes/META-INF/soda-gql/operations.json').isFile()
assert new File(basedir, 'target/classes/com/example/medium/graphql/CatalogPageQuery.class').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('soda-gql: 5 documents, 6 operations, 8 fragments, 0 errors, 0 warnings')
assert !log.contains('at io.github.sodagql') && !log.contains('[ERROR]')

// Surefire ran the fixture's tests, and they all passed.
def reports = new File(basedir, 'target/surefire-reports').listFiles({ it.name.endsWith('.txt') } as FileFilter)
assert reports, 'no surefire reports'
int run = 0, failed = 0
reports.each { report ->
    (report.text =~ /Tests run: (\d+), Failures: (\d+), Errors: (\d+)/).each { m ->
        run += m[1] as int
        failed += (m[2] as int) + (m[3] as int)
    }
}
assert run > 0 : 'surefire ran no tests'
assert failed == 0 : "${failed} test failures or errors"
return true
