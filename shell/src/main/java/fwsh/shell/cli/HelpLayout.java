package fwsh.shell.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;

/**
 * Generated help that reads like the README: "--device DEV" and "-e CODE" rather than picocli's
 * "--device=DEV" (both forms parse; an optional value, "--emulate[=SPEC]", keeps its '=').
 */
public final class HelpLayout implements IHelpFactory {
    @Override
    public Help create(CommandSpec command, ColorScheme colors) {
        return new Help(command, colors) {
            @Override
            public IParamLabelRenderer parameterLabelRenderer() {
                return new SpaceBeforeValue(super.parameterLabelRenderer(), colors);
            }
        };
    }

    private record SpaceBeforeValue(IParamLabelRenderer plain, ColorScheme colors) implements IParamLabelRenderer {
        @Override
        public Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<IStyle> styles) {
            Text label = plain.renderParameterLabel(arg, ansi, styles);
            if (!label.plainString().startsWith("=")) return label;
            return ansi.new Text(" ", colors).concat(label.substring(1));
        }

        @Override
        public String separator() {
            return " ";
        }
    }
}
