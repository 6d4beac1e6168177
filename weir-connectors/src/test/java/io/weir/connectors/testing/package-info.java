/** Fakes and a runtime-like driver for testing connectors without the runtime. */
package io.weir.connectors.testing;
