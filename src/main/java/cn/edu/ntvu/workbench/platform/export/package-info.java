/**
 * What every file export (CSV, XLSX) shares: cells that a spreadsheet can never take for a formula,
 * whoever typed them.
 */
package cn.edu.ntvu.workbench.platform.export;
