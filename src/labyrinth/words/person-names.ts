/** Given names of decoy users. */
export const FIRST_NAMES: readonly string[] = Object.freeze(
  `Aaron Abigail Adam Aisha Alan Alice Amara Amy Andrea Anna Arjun Ben Bianca Carla Carlos Chen Chloe
  Daniel Dario David Elena Emily Emma Erik Fatima Felix Grace Hannah Hugo Ines Isaac Ivan Jack James Jana
  Jonas Julia Kai Karen Kenji Laura Leo Lena Liam Lucas Lucy Maria Mark Marta Mei Mia Nadia Nina Noah
  Olga Omar Oscar Paula Peter Priya Rachel Rafael Rosa Ruth Sam Sara Sofia Tariq Tom Vera Victor Yusuf
  Zoe`.split(/\s+/),
);

/** Family names of decoy users. */
export const LAST_NAMES: readonly string[] = Object.freeze(
  `Abbott Adams Ahmed Alvarez Bauer Becker Bennett Brooks Campbell Carter Chen Costa Dalton Diaz Dubois
  Edwards Evans Fischer Fleming Garcia Greene Gupta Hansen Harper Hayes Ito Jensen Kaur Keller Khan Kim
  Kowalski Larsen Lee Lopez Martin Meyer Mills Moreau Murphy Nakamura Nguyen Novak Okafor Olsen Park
  Patel Perez Quinn Reyes Richter Rossi Russo Santos Schmidt Silva Singh Sato Tanaka Turner Varga Wagner
  Walsh Weber Wong Young Zimmermann`.split(/\s+/),
);
