using OpenFabriques.Geo.Model;

namespace OpenFabriques.Web.Import;

/// <summary>What one import did: counts by outcome and every rejected row with its reason.</summary>
public sealed record ImportReport(
    long ImportId,
    string Source,
    int Inserted,
    int Updated,
    int Unchanged,
    IReadOnlyList<RowError> Rejected);
