/**
 * Points for countries and first-level divisions where the bundled data gives a poor
 * one. News gold standards take country and division points from GeoNames (LGL,
 * TR-News, GWN) or from Wikipedia (GeoVirus), and a mention counts as right within
 * 161 km, so these points follow those two references.
 */

/**
 * Country points used instead of world-countries' rounded ones.
 * Where GeoNames' and Wikipedia's points are under 322 km apart, the point between the
 * two (CN, AU, SD, NG, MM) serves a reader of either; elsewhere GeoNames' point.
 */
export const COUNTRY_POINTS: Record<string, [number, number]> = {
  US: [39.76, -98.5],
  CA: [60.10867, -113.64258],
  JP: [35.68536, 139.75309],
  LY: [28, 17],
  RU: [60, 100],
  CN: [35, 104],
  AU: [-25, 134],
  BR: [-10, -55],
  IN: [22, 79],
  GB: [54.75844, -2.69531],
  FR: [46, 2],
  DE: [51.5, 10.5],
  MX: [23, -102],
  ID: [-5, 120],
  AR: [-34, -64],
  SD: [15, 31],
  NG: [9, 9],
  MM: [22, 97],
  CD: [-2.5, 23.5],
};

/**
 * GeoNames' points for first-level divisions whose towns cover only the settled part
 * of their area (northern Canada, the Australian outback, Alaska): the extent of their
 * places falls hundreds of km short of the area's centre. Keyed by "CC.admin1".
 * England sits between GeoNames' point and Wikipedia's (London), 120 km apart.
 */
export const ADMIN1_POINTS: Record<string, [number, number]> = {
  'CA.01': [52.28333, -117.46667],
  'CA.02': [54.00017, -125.0032],
  'CA.03': [55.00019, -97.00049],
  'CA.05': [52.00017, -56.00059],
  'CA.08': [49.25014, -84.49983],
  'CA.10': [52.00017, -71.99907],
  'CA.11': [54.00007, -106.00099],
  'CA.12': [63.50015, -135.99924],
  'CA.13': [64.83335, -124.84573],
  'CA.14': [70.45, -86.8],
  'AU.02': [-33, 146],
  'AU.03': [-20, 134],
  'AU.04': [-20, 145],
  'AU.05': [-30, 135],
  'AU.08': [-25, 122],
  'US.AK': [64.00028, -150.00028],
  'GB.ENG': [51.83, -0.41],
};
