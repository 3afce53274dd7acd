/**
 * DejaVu Sans (the dejavu-fonts-ttf package) covers every Vietnamese letter with its diacritics;
 * pdfkit embeds a subset with a ToUnicode map, so the text of a PDF reads back as written.
 */
export const VIETNAMESE_FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
