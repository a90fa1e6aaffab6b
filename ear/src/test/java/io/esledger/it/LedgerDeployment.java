package io.esledger.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The very EAR the build produced, deployed as is. */
final class LedgerDeployment {

  private LedgerDeployment() {}

  static EnterpriseArchive ear() {
    return ShrinkWrap.create(ZipImporter.class, "ledger.ear")
        .importFrom(new File("target/ledger.ear"))
        .as(EnterpriseArchive.class);
  }
}
