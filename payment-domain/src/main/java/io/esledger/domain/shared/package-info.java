/** Building blocks shared by all aggregates. Plain Java: no framework imports. */
package io.esledger.domain.shared;
