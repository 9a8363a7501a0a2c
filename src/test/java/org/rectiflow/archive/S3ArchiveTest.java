package org.rectiflow.archive;

import org.rectiflow.support.S3TestServer;
import org.springframework.test.context.ContextConfiguration;

/**
 * The archive (一问题一档案) with the evidence in an S3-compatible object store ({@link S3TestServer}): every test of
 * {@link ArchiveTest} again, the zip's files read from the objects and checked byte by byte against what was
 * uploaded.
 */
@ContextConfiguration(initializers = S3TestServer.class)
class S3ArchiveTest extends ArchiveTest {
}
