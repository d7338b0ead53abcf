package fwsh.arch

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.lang.ArchRule
import fwsh.dsl.DeviceSources
import fwsh.wire.Bits
import spock.lang.PendingFeature
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.base.DescribedPredicate.not
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static com.tngtech.archunit.library.Architectures.layeredArchitecture
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

/**
 * The layers as rules over the production classes of every module (the shell's test class path holds them all):
 * shell → dsl → native-glue, and inside native-glue the module graph. Maven already refuses a dependency on a
 * module that is not declared; these rules also catch what arrives transitively and what lives in one module.
 */
class ArchitectureSpec extends Specification {
    static final String[] GLUE = ['fwsh.base..', 'fwsh.text..', 'fwsh.channel..', 'fwsh.wire..', 'fwsh.abi..',
                                  'fwsh.backend..', 'fwsh.trace..', 'fwsh.nv..', 'fwsh.emu..', 'fwsh.replay..']
    static final String[] DSL = ['fwsh.dsl..', 'fwsh.counters..']

    @Shared
    JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages('fwsh')

    def "shell, DSL, native-glue: each layer uses only the ones below it"() {
        when:
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer('shell').definedBy('fwsh.shell..')
                .layer('dsl').definedBy(DSL)
                .layer('native-glue').definedBy(GLUE)
                .whereLayer('shell').mayNotBeAccessedByAnyLayer()
                .whereLayer('dsl').mayOnlyBeAccessedByLayers('shell')
                .because('the flow is one-way: script and command line on top, the kernel boundary at the bottom')
        rule.check(classes)

        then:
        noExceptionThrown()
    }

    def "native-glue modules: each package uses only the modules its pom declares, and the DSL never the ABI"() {
        when:
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer('base').definedBy('fwsh.base..', 'fwsh.text..')
                .layer('channel').definedBy('fwsh.channel..')
                .layer('wire').definedBy('fwsh.wire..')
                .layer('abi').definedBy('fwsh.abi..')
                .layer('backend').definedBy('fwsh.backend..')
                .layer('trace').definedBy('fwsh.trace..')
                .layer('nv').definedBy('fwsh.nv..')
                .layer('emu').definedBy('fwsh.emu..')
                .layer('replay').definedBy('fwsh.replay..')
                .layer('dsl').definedBy(DSL)
                .whereLayer('base').mayNotAccessAnyLayer()
                .whereLayer('channel').mayOnlyAccessLayers('base')
                .whereLayer('wire').mayOnlyAccessLayers('base')
                .whereLayer('abi').mayNotAccessAnyLayer()
                .whereLayer('backend').mayOnlyAccessLayers('abi', 'channel', 'base')
                .whereLayer('trace').mayOnlyAccessLayers('wire', 'base')
                .whereLayer('nv').mayOnlyAccessLayers('wire', 'base')
                .whereLayer('emu').mayOnlyAccessLayers('channel', 'wire', 'nv', 'base')
                .whereLayer('replay').mayOnlyAccessLayers('channel', 'base')
                .whereLayer('dsl').mayOnlyAccessLayers('dsl', 'base', 'channel', 'wire', 'backend', 'trace', 'nv', 'emu', 'replay')
                .because('the ABI knows only the kernel, errno mapping belongs to the backend, and everything above '
                        + 'the backend works on any channel (kernel, emulator, replay)')
        rule.check(classes)

        then:
        noExceptionThrown()
    }

    def "the emulator's NV store uses the built-in definitions, never mstflint's database (which the user's machine may lack)"() {
        when:
        noClasses().that().resideInAPackage('fwsh.emu..')
                .should().dependOnClassesThat().haveFullyQualifiedName('fwsh.nv.MstflintDatabase')
                .orShould().dependOnClassesThat().haveFullyQualifiedName('fwsh.nv.NvDatabases')
                .orShould().dependOnClassesThat().resideInAnyPackage('java.sql..', 'org.sqlite..')
                .because('an emulated device must behave the same on every machine')
                .check(classes)

        then:
        noExceptionThrown()
    }

    def "nothing below the DSL uses Groovy"() {
        when:
        noClasses().that().resideInAnyPackage(GLUE)
                .should().dependOnClassesThat().resideInAnyPackage('groovy..', 'org.codehaus.groovy..', 'org.apache.groovy..')
                .because('native-glue is plain Java: scripting starts at the DSL')
                .check(classes)

        then:
        noExceptionThrown()
    }

    def "JNA only at the kernel boundary: fwsh.abi and fwsh.backend"() {
        when:
        noClasses().that().resideOutsideOfPackages('fwsh.abi..', 'fwsh.backend..')
                .should().dependOnClassesThat().resideInAPackage('com.sun.jna..')
                .because('native code is loaded in one place; everything else runs on any channel and any OS')
                .check(classes)

        then:
        noExceptionThrown()
    }

    def "no cycles between packages"() {
        when:
        slices().matching('fwsh.(**)').should().beFreeOfCycles()
                .because('a package cycle makes two packages one: neither can be understood, tested or moved alone')
                .check(classes)

        then:
        noExceptionThrown()
    }

    def "no cycles between packages below the shell"() {
        when:
        slices().matching('fwsh.(**)').should().beFreeOfCycles()
                .because('a package cycle makes two packages one: neither can be understood, tested or moved alone')
                .check(classes.that(not(resideInAPackage('fwsh.shell..'))))

        then:
        noExceptionThrown()
    }

    def "the DSL uses the emulator and replay only where a session is wired (DeviceSources)"() {
        when:
        noClasses().that().resideInAnyPackage(DSL + ['fwsh.shell..'] as String[])
                .and().doNotBelongToAnyOf(DeviceSources)
                .should().dependOnClassesThat().resideInAnyPackage('fwsh.emu..', 'fwsh.replay..')
                .because('every backend must offer what the DSL needs; a test hook in production code switches off '
                        + 'silently when the channel is wrapped (--record)')
                .check(classes)

        then:
        noExceptionThrown()
    }

    def "the DSL and the shell encode mailboxes through the catalog's layouts, never bit by bit"() {
        when:
        noClasses().that().resideInAnyPackage(DSL + ['fwsh.shell..'] as String[])
                .should().callMethod(Bits, 'set', byte[], int, int, int, long)
                .because("a layout in the catalog is the one place a field's offset is written; a hand-placed "
                        + 'bit offset goes stale when the layout changes')
                .check(classes)

        then:
        noExceptionThrown()
    }
}
