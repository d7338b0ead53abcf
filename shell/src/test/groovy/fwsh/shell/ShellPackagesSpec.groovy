package fwsh.shell

import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import spock.lang.Specification

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

/**
 * The shell's packages depend one way: fwsh.shell (the command, REPL, batch) on fwsh.shell.pack (fwsh test,
 * fwsh pack) on fwsh.shell.cli (usage errors, exit codes, shared options), never back.
 */
class ShellPackagesSpec extends Specification {
    def "the shell's packages have no dependency cycle"() {
        given:
        def classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages('fwsh.shell')

        expect:
        classes.any { it.packageName == 'fwsh.shell.pack' } && classes.any { it.packageName == 'fwsh.shell.cli' }
        slices().matching('fwsh.(**)').should().beFreeOfCycles().evaluate(classes).failureReport.details == []
    }

    def "the subcommands and the command-line plumbing do not reach up into the shell"() {
        given:
        def classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages('fwsh.shell')

        expect:
        classes.findAll { it.packageName in ['fwsh.shell.pack', 'fwsh.shell.cli'] }
                .collectMany { c -> c.directDependenciesFromSelf.findAll { it.targetClass.packageName == 'fwsh.shell' }*.description } == []
    }
}
