package io.fashionrec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.onnx.registry.CacheEntry;
import io.fashionrec.onnx.registry.ModelListing;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Registered models, and known models ready to pull.")
final class ModelsListCommand implements Callable<Integer> {

    @Mixin
    Streams streams;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<ModelListing> models = Registries.open().list();
        if (json) {
            ObjectNode doc = Json.object();
            ArrayNode all = doc.putArray("models");
            for (ModelListing m : models) {
                ObjectNode o = all.addObject();
                o.put("name", m.name());
                o.put("status", m.status().name().toLowerCase(Locale.ROOT));
                CacheEntry e = m.entry();
                if (e != null) {
                    o.put("arch", e.arch().id());
                    o.put("preset", e.preset().id());
                    o.put("bytes", e.size());
                    o.put("sha256", e.sha256());
                    o.put("source", e.source());
                    o.put("preparation", e.preparation());
                }
                if (m.known() != null) {
                    o.put("downloadBytes", m.known().file().size());
                }
                if (!m.problem().isEmpty()) {
                    o.put("problem", m.problem());
                }
            }
            Json.print(streams.out(), doc);
            return ExitCodes.OK;
        }
        streams.out().printf(Locale.ROOT, "%-16s %-10s %-12s %-12s %8s  %s%n", "name", "status", "arch", "preset", "MB", "detail");
        for (ModelListing m : models) {
            CacheEntry e = m.entry();
            String arch = e != null ? e.arch().id() : m.known() != null ? m.known().arch().id() : "";
            String preset = e != null ? e.preset().id() : m.known() != null ? m.known().preset().id() : "";
            long bytes = e != null ? e.size() : m.status() == ModelListing.Status.AVAILABLE ? m.known().file().size() : -1;
            String detail = switch (m.status()) {
                case READY -> e.preparation();
                case DAMAGED -> m.problem();
                case AVAILABLE -> "fashionrec models pull " + m.name();
            };
            streams.out().printf(Locale.ROOT, "%-16s %-10s %-12s %-12s %8s  %s%n", m.name(), m.status().name().toLowerCase(Locale.ROOT),
                    arch, preset, bytes < 0 ? "" : String.format(Locale.ROOT, "%.1f", bytes / 1e6), detail);
        }
        streams.out().flush();
        return ExitCodes.OK;
    }
}
