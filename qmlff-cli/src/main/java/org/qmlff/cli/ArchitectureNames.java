package org.qmlff.cli;

import org.qmlff.model.Architectures;

import java.util.Iterator;

/** The registered architectures' names, for the help text of {@code --arch} (picocli completion candidates). */
final class ArchitectureNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Architectures.names().iterator();
    }
}
