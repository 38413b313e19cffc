package nl.beslisstraat.engine.regulation.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/** The shipped templates and tables, for tests that edit a table the way an officer would. */
public final class Tables {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Tables() {}

    public static TableTemplate template(String folder) {
        try (InputStream in = resource("nl/beslisstraat/rules/" + folder + "/regulation.json")) {
            return JSON.treeToValue(JSON.readTree(in).get("decisionTable"), TableTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] shipped(String folder, String file) {
        try (InputStream in = resource("nl/beslisstraat/rules/" + folder + "/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parking permit table of 2026.2 as the CSV an officer downloads. */
    public static String parkingCsv() {
        return TableWriter.csv(TableReader.read(template("parkingpermit"), parkingXlsx()));
    }

    public static byte[] parkingXlsx() {
        return shipped("parkingpermit", "2026.2.1/parking-permit.table.xlsx");
    }

    public static DecisionTable readCsv(String folder, String csv) {
        return TableReader.read(template(folder), csv.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream resource(String path) {
        InputStream in = Tables.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("No resource " + path);
        }
        return in;
    }
}
