package fwsh.arch

import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import fwsh.base.FwshException
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/** The README's table of errors a script can catch names every FwshException class there is. */
class ExceptionTableSpec extends Specification {
    static final Path README = Path.of(System.getProperty('user.dir')).resolve('../README.md').normalize()

    def "every FwshException subclass is in the README's exception table"() {
        given:
        String table = Files.readString(README).with { it.substring(it.indexOf('### Errors a script can catch'), it.indexOf('### The REPL')) }
        List<String> exceptions = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages('fwsh')
                .findAll { it.isAssignableTo(FwshException) && it.simpleName.endsWith('Exception') }
                *.simpleName.sort()

        expect:
        exceptions.containsAll(['FwshException', 'ArgumentException', 'FileException', 'ChannelException', 'WireException'])
        exceptions.findAll { !table.contains("`$it`") } == []
    }
}
