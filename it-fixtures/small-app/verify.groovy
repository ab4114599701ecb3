// Post-build check: the goal ran, generated typed sources and put the artifact on the classpath.
def generated = new File(basedir, 'target/generated-sources/soda-gql/com/example/small/graphql')
assert new File(generated, 'ProductListQuery.java').isFile()
assert new File(generated, 'CreateProductMutation.java').isFile()
assert new File(basedir, 'target/classes/META-INF/soda-gql/operations.json').isFile()
assert new File(basedir, 'target/classes/com/example/small/graphql/ProductListQuery.class').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('soda-gql: 2 documents, 2 operations, 2 fragments, 0 errors, 0 warnings')
assert !log.contains('at io.github.sodagql') && !log.contains('[ERROR]')
return true
