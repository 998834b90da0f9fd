import * as XLSX from '@e965/xlsx';

/** Builds an .xlsx workbook in memory (SheetJS), as CMS publishes its NCCI and HCPCS tables. */
export function xlsxBytes(rows: (string | number)[][], sheet = 'Sheet1'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
